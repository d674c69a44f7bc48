// drs-make-demo-models [--real-size-dit] DIR: writes the demo model set (tiny random
// networks in the official file formats, deterministic) that the app uses when no real
// weights exist; --real-size-dit makes its DiT the released size (for benchmarks).
#include <cstdio>
#include <exception>
#include <string>

#include "pipeline/demo_models.h"

int main(int argc, char** argv) {
  const bool real_size = argc == 3 && std::string(argv[1]) == "--real-size-dit";
  if (argc != 2 && !real_size) {
    std::fprintf(stderr, "usage: drs-make-demo-models [--real-size-dit] DIR\n");
    return 2;
  }
  try {
    drs::write_demo_model_set(argv[argc - 1],
                              real_size ? drs::DemoDit::RealSize : drs::DemoDit::Tiny);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drs-make-demo-models: %s\n", e.what());
    return 1;
  }
  return 0;
}
