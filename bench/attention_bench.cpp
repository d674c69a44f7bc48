#include "attention_bench.h"

#include <cstdio>
#include <string>

#include "core/torch_compat.h"
#include "dit/bf16_attention.h"
#include "dit/cpu_attention.h"
#include "dit/llama_block.h"
#include "stats.h"

namespace drs::bench {
namespace {

constexpr int64_t kHeadDim = 64;

double relative_error(const at::Tensor& a, const at::Tensor& b) {
  const auto a64 = a.to(at::kDouble), b64 = b.to(at::kDouble);
  return ((a64 - b64).norm() / b64.norm()).item<double>();
}

// The rate of a large bfloat16 GEMM (the attention kernels' dot products at their best),
// falling back to float32 where bf16 GEMMs are not native.
nlohmann::json gemm_roofline(const Options& opt) {
  const auto a = at::randn({2048, 2048}), b = at::randn({2048, 2048});
  const auto a16 = a.to(at::kBFloat16), b16 = b.to(at::kBFloat16);
  const double flops = 2.0 * 2048 * 2048 * 2048;
  const auto bf16 = time_repeats(opt.warmup, opt.repeats, [&] { (void)at::mm(a16, b16); });
  const auto fp32 = time_repeats(opt.warmup, opt.repeats, [&] { (void)at::mm(a, b); });
  return {{"bf16_gflops", flops / bf16.median / 1e9}, {"fp32_gflops", flops / fp32.median / 1e9}};
}

nlohmann::json kernel_entry(const std::string& name, const Timing& t, int64_t heads, double flops,
                            double roofline) {
  const double per_head = t.median / static_cast<double>(heads);
  return {{"kernel", name},
          {"ms_per_head", per_head * 1e3},
          {"spread", t.spread},
          {"gflops", flops / per_head / 1e9},
          {"efficiency", flops / per_head / 1e9 / roofline}};
}

// The fastest kernel as the DiT calls it: q, k and v read in place from one projection
// output [1, N, 3, heads, d] of the released model's width, rotary embedding applied while
// packing.
nlohmann::json projection_layout_entry(const Options& opt, int64_t n, double flops,
                                       double roofline) {
  constexpr int64_t kModelHeads = 32;
  const auto qkv = at::randn({1, n, 3, kModelHeads, kHeadDim}).permute({2, 0, 3, 1, 4});
  const auto rotary = Rotary::make(n, kHeadDim, at::TensorOptions().dtype(at::kFloat));
  const AttentionRope rope{rotary.cos, rotary.sin};
  const auto t = time_repeats(opt.warmup, opt.repeats, [&] {
    (void)bf16_attention(qkv[0], qkv[1], qkv[2], {}, Bf16AttentionKernel::Auto, &rope);
  });
  return kernel_entry(bf16_attention_kernel_name(kHeadDim) + ", projection layout + rope", t,
                      kModelHeads, flops, roofline);
}

}  // namespace

nlohmann::json run_attention_bench(const Options& opt) {
  at::manual_seed(7);
  constexpr int64_t heads = 8;
  nlohmann::json report;
  report["roofline"] = gemm_roofline(opt);
  const double roofline = report["roofline"]["bf16_gflops"].get<double>();
  report["bf16_kernel_supported"] = bf16_attention_supported(kHeadDim);
  report["bf16_kernel"] = bf16_attention_kernel_name(kHeadDim);
  for (const int64_t n : opt.seq_lengths) {
    const auto q = at::randn({1, heads, n, kHeadDim}), k = at::randn({1, heads, n, kHeadDim}),
               v = at::randn({1, heads, n, kHeadDim});
    const double flops = 4.0 * static_cast<double>(n * n * kHeadDim);  // Q Kᵀ and P V
    nlohmann::json row{{"seq", n}};
    const auto fp32 = time_repeats(opt.warmup, opt.repeats, [&] { (void)cpu_attention(q, k, v); });
    row["kernels"].push_back(kernel_entry("float32 per head", fp32, heads, flops, roofline));
    const auto q16 = q.to(at::kBFloat16), k16 = k.to(at::kBFloat16), v16 = v.to(at::kBFloat16);
    const auto lib =
        time_repeats(opt.warmup, opt.repeats, [&] { (void)compat::attention(q16, k16, v16); });
    row["kernels"].push_back(kernel_entry("library on bfloat16", lib, heads, flops, roofline));
    if (bf16_attention_supported(kHeadDim)) {
      const auto run = [&](Bf16AttentionKernel kernel) {
        return time_repeats(opt.warmup, opt.repeats,
                            [&] { (void)bf16_attention(q, k, v, {}, kernel); });
      };
      const auto pairs = run(Bf16AttentionKernel::DotProducts);
      row["kernels"].push_back(kernel_entry("avx512-bf16 pairs", pairs, heads, flops, roofline));
      auto best = pairs.median;
      if (bf16_attention_tiles_supported(kHeadDim)) {
        const auto tiles = run(Bf16AttentionKernel::Tiles);
        row["kernels"].push_back(kernel_entry("amx-bf16 tiles", tiles, heads, flops, roofline));
        row["tiles_speedup_vs_pairs"] = pairs.median / tiles.median;
        best = tiles.median;
      }
      row["kernels"].push_back(projection_layout_entry(opt, n, flops, roofline));
      row["bf16_speedup_vs_float32"] = fp32.median / best;
      row["bf16_deviation"] = relative_error(bf16_attention(q, k, v), cpu_attention(q, k, v));
    }
    report["seq"].push_back(row);
  }
  return report;
}

void print_attention_bench(const nlohmann::json& report) {
  std::printf("attention, heads of 64 (roofline: bf16 GEMM %.0f GFLOP/s, float32 %.0f)\n",
              report["roofline"]["bf16_gflops"].get<double>(),
              report["roofline"]["fp32_gflops"].get<double>());
  for (const auto& row : report["seq"]) {
    std::printf("seq %lld\n", static_cast<long long>(row["seq"].get<int64_t>()));
    for (const auto& k : row["kernels"])
      std::printf("  %-42s %8.2f ms/head %7.1f GFLOP/s  efficiency %.2f\n",
                  k["kernel"].get<std::string>().c_str(), k["ms_per_head"].get<double>(),
                  k["gflops"].get<double>(), k["efficiency"].get<double>());
    if (row.contains("bf16_speedup_vs_float32"))
      std::printf("  bf16 kernel: %.2fx the float32 kernel, deviation %.2e (relative L2)\n",
                  row["bf16_speedup_vs_float32"].get<double>(),
                  row["bf16_deviation"].get<double>());
  }
}

}  // namespace drs::bench
