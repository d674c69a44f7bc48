// A real-size Oobleck VAE for timing, without the real weights: a TorchScript Oobleck
// graph of any width (e.g. the tiny one in the reference fixtures) with every channel
// dimension widened from its base width to the released model's (128), filled with
// random weights. TorchScript convolutions take their shapes from the weights, so the
// widened graph does exactly the work of the 78 M-parameter release.
#pragma once

#include <torch/script.h>

#include <cstdint>
#include <filesystem>

namespace drs::tools {

struct WidenedVae {
  torch::jit::Module module;
  int64_t parameters = 0;          // encoder + decoder
  int64_t decoder_parameters = 0;  // what decode_export runs
};

// Channel dimensions are base * {1, 2, 4, 8, 16} (c_mults); others (audio channels,
// latent width, kernel taps) are kept. Throws c10::Error / std::runtime_error.
WidenedVae widen_oobleck(const std::filesystem::path& torchscript_file, int64_t base_channels,
                         int64_t real_channels = 128, uint64_t seed = 7);

}  // namespace drs::tools
