#include "dit/timestep_embedding.h"

#include <cmath>

namespace drs {

TimestepEmbedding::TimestepEmbedding(WeightMap& w, const std::string& prefix,
                                     const at::TensorOptions& options)
    : w0_(w.take(prefix + "time_mlp.0.weight", {512, 256}, options)),
      b0_(w.take(prefix + "time_mlp.0.bias", {512}, options)),
      w2_(w.take(prefix + "time_mlp.2.weight", {512, 512}, options)),
      b2_(w.take(prefix + "time_mlp.2.bias", {512}, options)) {}

at::Tensor TimestepEmbedding::forward(const at::Tensor& tau) const {
  constexpr int64_t half = 128;
  const double k = std::log(10000.0) / (half - 1);
  const auto f32 = tau.options().dtype(at::kFloat);
  const auto freqs = at::exp(at::arange(half, f32) * -k);
  const auto args = (tau.to(at::kFloat) * 1000.0).unsqueeze(1) * freqs.unsqueeze(0);  // [B,128]
  const auto features = at::cat({at::sin(args), at::cos(args)}, 1).to(w0_.scalar_type());
  return at::linear(at::silu(at::linear(features, w0_, b0_)), w2_, b2_);
}

}  // namespace drs
