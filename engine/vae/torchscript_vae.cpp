#include "vae/torchscript_vae.h"

#include <string>

#include "drs/error.h"

namespace drs {
namespace {

at::Tensor run(torch::jit::Module& module, const char* method, const at::Tensor& input) {
  const auto found = module.find_method(method);
  if (!found)
    throw Error(ErrorKind::ModelCorrupt, std::string("VAE file has no method '") + method + "'");
  c10::InferenceMode guard;
  return (*found)({input}).toTensor();
}

}  // namespace

TorchScriptVae::TorchScriptVae(const std::filesystem::path& file, const at::Device& device,
                               const VaeShape& shape)
    : shape_(shape) {
  try {
    module_ = torch::jit::load(file.string(), device);
  } catch (const c10::Error& e) {
    throw Error(ErrorKind::ModelCorrupt,
                file.string() + ": not a loadable TorchScript VAE: " + e.what_without_backtrace());
  }
  module_.eval();
  if (!module_.find_method("decode_export"))
    throw Error(ErrorKind::ModelCorrupt,
                file.string() + ": TorchScript file has no decode_export method");
}

at::Tensor TorchScriptVae::decode(const at::Tensor& latents) const {
  return run(module_, "decode_export", latents);
}

at::Tensor TorchScriptVae::encode(const at::Tensor& audio) const {
  return run(module_, "encode_export", audio);
}

}  // namespace drs
