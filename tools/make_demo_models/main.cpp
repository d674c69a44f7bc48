// drs-make-demo-models DIR: writes the demo model set (tiny random networks in the
// official file formats, deterministic) that the app uses when no real weights exist.
#include <cstdio>
#include <exception>

#include "pipeline/demo_models.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: drs-make-demo-models DIR\n");
    return 2;
  }
  try {
    drs::write_demo_model_set(argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drs-make-demo-models: %s\n", e.what());
    return 1;
  }
  return 0;
}
