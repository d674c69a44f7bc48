#include "pipeline/demo_vae.h"

#include <torch/script.h>

namespace drs {
namespace {

// decode: one transposed convolution with stride 2048 (each latent frame becomes 2048
// stereo samples), then tanh so the output stays within [-1, 1];
// encode: the matching strided convolution to 128 channels (mean + scale).
constexpr const char* kSource = R"JIT(
def decode_export(self, latents: Tensor) -> Tensor:
    audio = torch.conv_transpose1d(latents, self.up_weight, self.up_bias, 2048)
    return torch.tanh(audio)

def encode_export(self, audio: Tensor) -> Tensor:
    return torch.conv1d(audio, self.down_weight, self.down_bias, 2048)
)JIT";

}  // namespace

void write_demo_vae(const std::filesystem::path& path, std::uint64_t seed) {
  torch::manual_seed(seed);
  torch::jit::Module module("DemoVae");
  module.register_parameter("up_weight", torch::randn({64, 2, 2048}) * 0.05, false);
  module.register_parameter("up_bias", torch::zeros({2}), false);
  module.register_parameter("down_weight", torch::randn({128, 2, 2048}) * 0.01, false);
  module.register_parameter("down_bias", torch::zeros({128}), false);
  module.define(kSource);
  module.save(path.string());
}

}  // namespace drs
