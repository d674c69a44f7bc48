// The fallback VAE network: the model file's own TorchScript graph, run through its
// decode_export / encode_export methods. Used for graphs the native Oobleck binder does
// not recognise (e.g. the demo model set's small VAE).
#pragma once

#include <torch/script.h>

#include <filesystem>

#include "vae/vae_network.h"

namespace drs {

class TorchScriptVae final : public VaeNetwork {
 public:
  // Throws drs::Error(ModelCorrupt) naming the file if it is no loadable VAE graph.
  // `shape`: the interface sizes, which a graph does not declare (default: the
  // official file's).
  TorchScriptVae(const std::filesystem::path& file, const at::Device& device,
                 const VaeShape& shape = {});

  [[nodiscard]] at::Tensor decode(const at::Tensor& latents) const override;
  [[nodiscard]] at::Tensor encode(const at::Tensor& audio) const override;
  [[nodiscard]] VaeShape shape() const override { return shape_; }
  [[nodiscard]] std::string backend_name() const override { return "TorchScript"; }

 private:
  mutable torch::jit::Module module_;  // running a method is non-const in LibTorch
  VaeShape shape_;
};

}  // namespace drs
