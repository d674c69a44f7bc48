#include "roofline.h"

#include <vector>

#include "stats.h"

namespace drs::bench {

Roofline measure_matmul_roofline(const DitConfig& config, int64_t rows,
                                 const at::TensorOptions& options, int repeats) {
  const int64_t d = config.dim;
  const int64_t ff = d * config.ff_mult;
  // One Llama layer's GEMMs: q, k, v, o (d x d), gate and up (d -> ff), down (ff -> d).
  struct Gemm {
    int64_t in, out;
  };
  const std::vector<Gemm> gemms{{d, d}, {d, d}, {d, d}, {d, d}, {d, ff}, {d, ff}, {ff, d}};
  std::vector<at::Tensor> inputs, weights, outputs;
  double flops = 0;
  for (const auto& g : gemms) {
    inputs.push_back(at::randn({rows, g.in}, options));
    weights.push_back(at::randn({g.in, g.out}, options));
    outputs.push_back(at::empty({rows, g.out}, options));
    flops +=
        2.0 * static_cast<double>(rows) * static_cast<double>(g.in) * static_cast<double>(g.out);
  }
  const auto timing = time_repeats(1, repeats, [&] {
    for (std::size_t i = 0; i < gemms.size(); ++i) at::mm_out(outputs[i], inputs[i], weights[i]);
    wait_for_device(outputs.back());
  });
  return {flops / timing.median, timing.spread};
}

}  // namespace drs::bench
