// drs-make-demo-models [--real-size-dit | --real-size | --full] [--vae-graph FILE.pt
//                      --vae-base N] DIR
//
// Writes the demo model set (tiny random networks in the official file formats,
// deterministic) that the app uses when no real weights exist. For time and memory
// measurements of a whole generation: --real-size-dit makes its DiT the released size;
// --real-size also its style encoder, and with a TorchScript Oobleck graph (e.g. the
// reference fixtures' vae_tiny.pt and its base channel count) a released-width VAE;
// --full is --real-size as the full model (6144 frames, songs up to 285 s).
// Every variant produces noise.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "drs/model_set.h"
#include "pipeline/demo_models.h"
#include "real_size_vae.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: drs-make-demo-models [--real-size-dit | --real-size | --full] [--vae-graph "
               "FILE.pt --vae-base N] DIR\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  drs::DemoDit dit = drs::DemoDit::Tiny;
  drs::DemoStyle style = drs::DemoStyle::Tiny;
  std::filesystem::path vae_graph, dir;
  long long vae_base = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--real-size-dit") {
      dit = drs::DemoDit::RealSize;
    } else if (arg == "--real-size") {
      dit = drs::DemoDit::RealSize;
      style = drs::DemoStyle::RealSize;
    } else if (arg == "--full") {  // 6144 frames: songs up to 285 s (with --real-size)
      dit = drs::DemoDit::RealSizeFull;
      style = drs::DemoStyle::RealSize;
    } else if (arg == "--vae-graph" && i + 1 < argc) {
      vae_graph = argv[++i];
    } else if (arg == "--vae-base" && i + 1 < argc) {
      vae_base = std::stoll(argv[++i]);
    } else if (!arg.empty() && arg[0] != '-' && dir.empty()) {
      dir = arg;
    } else {
      return usage();
    }
  }
  if (dir.empty() || (!vae_graph.empty() && vae_base <= 0)) return usage();
  try {
    drs::write_demo_model_set(dir, dit, style);
    if (!vae_graph.empty()) {
      auto vae = drs::tools::widen_oobleck(vae_graph, vae_base);
      const auto target = dir / drs::ModelSetLayout::kVae;
      const auto temporary = target.string() + ".partial";
      vae.module.save(temporary);
      std::filesystem::rename(temporary, target);
      std::printf("VAE widened to the released width: %.1f M parameters\n",
                  static_cast<double>(vae.parameters) / 1e6);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drs-make-demo-models: %s\n", e.what());
    return 1;
  }
  return 0;
}
