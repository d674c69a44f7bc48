#include "swiglu_bench.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "core/int8_linear.h"
#include "core/int8_quantize.h"
#include "dit/swiglu_int8.h"
#include "stats.h"

namespace drs::bench {
namespace {

constexpr int64_t kSliceRows = 1024;  // the DiT's row slice (LlamaBlock::kSliceRows)

double seconds_of(const std::function<void()>& run) {
  const auto start = std::chrono::steady_clock::now();
  run();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// a and b alternately, `repeats` times each after one warm-up of each.
std::pair<Timing, Timing> alternate(int repeats, const std::function<void()>& a,
                                    const std::function<void()>& b) {
  a();
  b();
  std::vector<double> ta, tb;
  for (int i = 0; i < repeats; ++i) {
    ta.push_back(seconds_of(a));
    tb.push_back(seconds_of(b));
  }
  return {summarise(ta), summarise(tb)};
}

nlohmann::json pair_entry(const std::pair<Timing, Timing>& t) {
  return {{"unfused_ms", t.first.median * 1e3},
          {"fused_ms", t.second.median * 1e3},
          {"unfused_spread", t.first.spread},
          {"fused_spread", t.second.spread},
          {"speedup", t.first.median / t.second.median}};
}

}  // namespace

nlohmann::json run_swiglu_bench(const Options& opt) {
  const int64_t dim = opt.config.dim, ff = opt.config.ff_mult * dim;
  const int64_t rows = dim < 1024 ? 128 : kSliceRows;  // --small: a toy slice too
  nlohmann::json report{{"rows", rows}, {"dim", dim}, {"ff", ff}};
  if (!Int8Linear::available()) {
    report["skipped"] = "no int8 kernels in this build";
    return report;
  }
  at::manual_seed(0);
  const Int8Linear gate_up(at::randn({2 * ff, dim}) * 0.02);
  const Int8Linear down(at::randn({dim, ff}) * 0.02);
  if (!gate_up.splits()) {
    report["skipped"] = "this build's int8 products cannot be split (no oneDNN headers)";
    return report;
  }
  const auto x = at::randn({rows, dim});
  at::Tensor row_scales;
  const auto raw = gate_up.apply_unscaled(x, row_scales);
  const int repeats = std::max(opt.repeats, 3);

  // The element-wise work alone, on the same unscaled product.
  const auto elementwise = alternate(
      repeats,
      [&] {
        const auto scaled = raw * row_scales.unsqueeze(1);  // a copy: raw is reused
        const auto hidden = at::silu(scaled.narrow(1, 0, ff)).mul_(scaled.narrow(1, ff, ff));
        (void)quantize_rows(hidden);
      },
      [&] { (void)swiglu_quantized(raw, row_scales); });
  report["elementwise"] = pair_entry(elementwise);
  // The copy the unfused timing makes of the product (its in-place scaling in the engine):
  // how much of the difference is the copy rather than the passes.
  report["product_copy_ms"] = time_repeats(1, repeats, [&] { (void)raw.clone(); }).median * 1e3;

  auto out = at::empty({rows, dim});
  const auto whole = alternate(
      repeats,
      [&] {
        const auto product = gate_up.apply(x);
        const auto hidden = at::silu(product.narrow(1, 0, ff)).mul_(product.narrow(1, ff, ff));
        down.apply_into(out, hidden);
      },
      [&] {
        at::Tensor scales;
        const auto product = gate_up.apply_unscaled(x, scales);
        down.apply_quantized_into(out, swiglu_quantized(product, scales));
      });
  report["mlp_slice"] = pair_entry(whole);
  return report;
}

void print_swiglu_bench(const nlohmann::json& report) {
  if (report.contains("skipped")) {
    std::printf("swiglu: skipped (%s)\n", report["skipped"].get<std::string>().c_str());
    return;
  }
  std::printf("int8 MLP, %lld rows, dim %lld, ff %lld (alternating, medians)\n",
              report["rows"].get<long long>(), report["dim"].get<long long>(),
              report["ff"].get<long long>());
  for (const char* part : {"elementwise", "mlp_slice"}) {
    const auto& e = report[part];
    std::printf("  %-12s unfused %8.2f ms  fused %8.2f ms  (%.2fx)\n", part,
                e["unfused_ms"].get<double>(), e["fused_ms"].get<double>(),
                e["speedup"].get<double>());
  }
  std::printf("  (a copy of the product, included in the unfused element-wise time: %.2f ms)\n",
              report["product_copy_ms"].get<double>());
}

}  // namespace drs::bench
