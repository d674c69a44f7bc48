#include "roofline.h"

#include <map>
#include <string>
#include <vector>

#include "stats.h"

namespace drs::bench {
namespace {

struct Gemm {
  int64_t in, out;
};

// One packed/dense weight per GEMM, built the way the engine builds its own.
StoredWeight make_weight(const Gemm& g, const at::TensorOptions& options,
                         WeightResidency residency) {
  std::map<std::string, at::Tensor> one{{"w", at::randn({g.out, g.in}) * 0.02}};
  WeightMap map(std::move(one), "roofline");
  return StoredWeight(map, {"w"}, {g.out}, g.in, options, residency);
}

}  // namespace

Roofline measure_matmul_roofline(const DitConfig& config, int64_t rows,
                                 const at::TensorOptions& options, WeightResidency residency,
                                 int repeats) {
  const int64_t d = config.dim;
  const int64_t ff = d * config.ff_mult;
  const std::vector<Gemm> gemms{{d, d}, {d, d}, {d, d}, {d, d}, {d, ff}, {d, ff}, {ff, d}};
  std::vector<at::Tensor> inputs, outputs;
  std::vector<StoredWeight::Ready> weights;
  double flops = 0;
  for (const auto& g : gemms) {
    inputs.push_back(at::randn({rows, g.in}, options));
    // Compute-dtype residency: the roofline is the bare GEMM, without widening.
    weights.push_back(
        make_weight(g, options,
                    residency == WeightResidency::Int8 ? residency : WeightResidency::Compute)
            .ready());
    outputs.push_back(at::empty({rows, g.out}, options));
    flops +=
        2.0 * static_cast<double>(rows) * static_cast<double>(g.in) * static_cast<double>(g.out);
  }
  const auto timing = time_repeats(1, repeats, [&] {
    for (std::size_t i = 0; i < gemms.size(); ++i) weights[i].apply_out(outputs[i], inputs[i]);
    wait_for_device(outputs.back());
  });
  return {flops / timing.median, timing.spread};
}

Roofline measure_attention_roofline(const DitConfig& config, int64_t frames,
                                    const at::TensorOptions& options, int repeats) {
  const int64_t hd = config.head_dim();
  const auto q = at::randn({frames, hd}, options), k = at::randn({frames, hd}, options);
  const auto v = at::randn({frames, hd}, options);
  auto scores = at::empty({frames, frames}, options), out = at::empty({frames, hd}, options);
  const int heads = 4;  // a few heads: enough time to measure, same shapes
  const auto timing = time_repeats(1, repeats, [&] {
    for (int h = 0; h < heads; ++h) {
      at::mm_out(scores, q, k.t());
      at::mm_out(out, scores, v);
    }
    wait_for_device(out);
  });
  const double flops =
      heads * 2 *
      (2.0 * static_cast<double>(frames) * static_cast<double>(frames) * static_cast<double>(hd));
  return {flops / timing.median, timing.spread};
}

double combined_rate(double projection_flops, const Roofline& projections, double attention_flops,
                     const Roofline& attention) {
  const double seconds = projection_flops / projections.flops_per_second +
                         attention_flops / attention.flops_per_second;
  return (projection_flops + attention_flops) / seconds;
}

}  // namespace drs::bench
