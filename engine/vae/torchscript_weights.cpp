#include "vae/torchscript_weights.h"

#include <torch/script.h>

#include <map>
#include <string>

#include "drs/error.h"

namespace drs {

WeightMap read_torchscript_weights(const std::filesystem::path& file) {
  torch::jit::Module module;
  try {
    module = torch::jit::load(file.string(), at::kCPU);
  } catch (const c10::Error& e) {
    throw Error(ErrorKind::ModelCorrupt,
                file.string() + ": not a loadable TorchScript VAE: " + e.what_without_backtrace());
  }
  std::map<std::string, at::Tensor> tensors;
  // The tensors keep their storage when the module goes: nothing is copied here.
  for (const auto& p : module.named_parameters(/*recurse=*/true))
    tensors.emplace(p.name, p.value.detach());
  for (const auto& b : module.named_buffers(/*recurse=*/true))
    tensors.emplace(b.name, b.value.detach());
  return WeightMap(std::move(tensors), file.string());
}

}  // namespace drs
