#include "vae_bench.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "drs/machine_speed.h"
#include "memory.h"
#include "pipeline/listen_in_preview.h"
#include "random_oobleck.h"
#include "stats.h"
#include "vae/chunk_plan.h"
#include "vae/vae.h"
#include "vae_flops.h"

namespace drs::bench {
namespace {

// GEMM columns beyond this no longer change a BLAS's rate; capping them keeps the
// roofline at a few seconds instead of a whole chunk's 0.6 TFLOP.
constexpr int64_t kMaxRooflineColumns = 65536;

// The FLOP-weighted GEMM rate of the decoder's convolutions, each at its shape for one
// chunk: time = sum of each shape's FLOPs at its own measured rate.
double conv_roofline(const OobleckConfig& c, int64_t chunk, const at::TensorOptions& options,
                     int repeats) {
  double flops = 0, seconds = 0;
  for (const auto& g : decoder_gemms(c)) {
    const auto n = std::min(g.columns_per_frame * chunk, kMaxRooflineColumns);
    const auto a = at::randn({g.m, g.k}, options), b = at::randn({g.k, n}, options);
    auto out = at::empty({g.m, n}, options);
    const auto timing = time_repeats(1, repeats, [&] {
      at::mm_out(out, a, b);
      wait_for_device(out);
    });
    const double gemm = 2.0 * static_cast<double>(g.m * g.k * n);
    const double share = g.flops_per_frame();  // this shape's part of a decode
    flops += share;
    seconds += share / (gemm / timing.median);
  }
  return flops / seconds;
}

struct DtypeChoice {
  at::ScalarType dtype;
  std::string skipped;  // why it is not run (empty: run)
};

// bfloat16 only where it is native: emulated (CPUs without AVX512-BF16/AMX) it is
// ~30x slower and would take hours at the released size.
std::vector<DtypeChoice> dtypes_to_run(const Options& opt) {
  std::vector<DtypeChoice> out{{at::kFloat, {}}};
  if (opt.device.is_cuda()) {
    out.push_back({at::kBFloat16, {}});
    return out;
  }
  const double speedup = cpu_bfloat16_speedup();
  std::string skipped;
  if (speedup < kBfloat16HintSpeedup)
    skipped = "bfloat16 GEMM is " + std::to_string(speedup) + "x float32 here (emulated)";
  out.push_back({at::kBFloat16, skipped});
  return out;
}

// ||a - b|| / ||b||, on the CPU in float64.
double relative_l2(const at::Tensor& a, const at::Tensor& b) {
  const auto x = a.to(at::kCPU, at::kDouble), y = b.to(at::kCPU, at::kDouble);
  return (x - y).norm().item<double>() / y.norm().item<double>();
}

// `exact`: the float32 run's decode of the same latents (undefined for the float32 run
// itself, which then fills it).
nlohmann::json bench_dtype(const OobleckConfig& config, const Options& opt, at::ScalarType dtype,
                           at::Tensor& exact) {
  const auto options = at::TensorOptions().dtype(dtype).device(opt.device);
  auto weights = random_oobleck_decoder(config, 2026);
  const Vae vae(weights, options);  // bound once: every chunk runs on the same weights
  const ChunkParams chunking;       // the official 128 / 32
  const int64_t frames = opt.vae_frames;
  const auto chunks = plan_chunks(frames, chunking.chunk, chunking.overlap);
  int64_t decoded_frames = 0;
  for (const auto& span : chunks) decoded_frames += span.length;
  at::manual_seed(2027);  // the same latents for every dtype: their decodes are compared
  const auto latents = at::randn({1, config.latent_channels, frames});
  (void)vae.decode(latents.narrow(2, 0, 8));  // first-call set-up (kernel selection, pools)
  at::Tensor audio;
  const auto timing = time_repeats(0, opt.vae_repeats, [&] {
    audio = vae.decode_chunked(latents, chunking);
    wait_for_device(audio);
  });
  nlohmann::json deviation = nullptr;  // float32 itself: none
  if (!exact.defined())
    exact = audio;
  else
    deviation = relative_l2(audio, exact);
  // Listen-in: one 10 s preview window of a sampler estimate, what a preview costs a run.
  const auto estimate = latents.transpose(1, 2);  // the sampler's [1, N, 64] layout
  const PreviewWindow window{static_cast<double>(frames) / 2 * 2048 / 44100, 10.0, 0};
  const auto preview = time_repeats(0, opt.vae_repeats,
                                    [&] { (void)decode_preview(vae, estimate, window, 1, 1, {}); });
  const auto preview_span = preview_frames(window, frames, 2048, 44100);
  const double roofline = conv_roofline(config, chunking.chunk, options, opt.repeats);
  const double per_frame = decoder_flops_per_frame(config);
  const double work = per_frame * static_cast<double>(decoded_frames);  // overlap included
  const double achieved = work / timing.median;
  return {{"dtype", std::string(c10::toString(dtype))},
          {"backend", vae.backend_name()},
          {"frames", frames},
          {"chunks", chunks.size()},
          {"decoded_frames", decoded_frames},
          {"decode_s", timing.median},
          {"decode_spread", timing.spread},
          {"per_chunk_s", timing.median / static_cast<double>(chunks.size())},
          {"listen_in_preview_frames", preview_span.count},
          {"listen_in_preview_s", preview.median},
          {"gflop_per_frame", per_frame / 1e9},
          {"tflop_decoded", work / 1e12},
          {"tflop_song", per_frame * static_cast<double>(frames) / 1e12},
          {"gflops", achieved / 1e9},
          {"roofline_gflops", roofline / 1e9},
          {"efficiency", achieved / roofline},
          // Of the decoded audio from the float32 decode (relative L2), random weights.
          {"deviation_from_float32", deviation},
          // Above 1 the roofline GEMMs themselves ran slow (toy shapes, a busy machine).
          {"efficiency_suspect", achieved > roofline}};
}

// The 1-minute load average while measuring: this bench shares small machines with
// builds, and a load above the core count slows both the decode and the roofline.
double load_average() {
  std::ifstream in("/proc/loadavg");
  double one_minute = 0;
  in >> one_minute;
  return one_minute;
}

}  // namespace

nlohmann::json run_vae_bench(const Options& opt) {
  const auto config = opt.vae_small ? small_oobleck_config() : released_oobleck_config();
  nlohmann::json report = {{"config", config.describe()},
                           {"device", opt.device.str()},
                           {"runs", nlohmann::json::array()}};
  at::Tensor exact;  // the float32 decode, run first
  for (const auto& choice : dtypes_to_run(opt)) {
    const std::string name = c10::toString(choice.dtype);
    if (!choice.skipped.empty()) {
      report["runs"].push_back({{"dtype", name}, {"skipped", choice.skipped}});
      continue;
    }
    try {
      report["runs"].push_back(bench_dtype(config, opt, choice.dtype, exact));
    } catch (const std::exception& e) {  // e.g. no kernel for this dtype here
      const std::string error = e.what();
      report["runs"].push_back({{"dtype", name}, {"error", error.substr(0, error.find('\n'))}});
    }
  }
  report["peak_rss_mb"] = peak_resident_megabytes();
  report["load_average_1min"] = load_average();
  return report;
}

void print_vae_bench(const nlohmann::json& report) {
  std::printf("VAE decoder (%s), %s\n", report["config"].get<std::string>().c_str(),
              report["device"].get<std::string>().c_str());
  for (const auto& run : report["runs"]) {
    const auto dtype = run["dtype"].get<std::string>();
    if (run.contains("skipped") || run.contains("error")) {
      std::printf("  %-9s not run: %s\n", dtype.c_str(),
                  run.value("skipped", run.value("error", std::string())).c_str());
      continue;
    }
    std::printf(
        "  %-9s %s: %lld frames in %lld chunks  %8.2f s (%.2f s/chunk)  %.2f TFLOP "
        "(%.2f GFLOP/frame)  %6.1f GFLOP/s  conv roofline %6.1f  efficiency %.3f\n",
        dtype.c_str(), run["backend"].get<std::string>().c_str(),
        static_cast<long long>(run["frames"].get<int64_t>()),
        static_cast<long long>(run["chunks"].get<int64_t>()), run["decode_s"].get<double>(),
        run["per_chunk_s"].get<double>(), run["tflop_decoded"].get<double>(),
        run["gflop_per_frame"].get<double>(), run["gflops"].get<double>(),
        run["roofline_gflops"].get<double>(), run["efficiency"].get<double>());
    if (!run["deviation_from_float32"].is_null())
      std::printf("  %-9s audio deviates from the float32 decode by %.2e (relative L2)\n",
                  dtype.c_str(), run["deviation_from_float32"].get<double>());
    std::printf("  %-9s listen-in preview: %lld frames (10 s) in %.2f s\n", dtype.c_str(),
                static_cast<long long>(run["listen_in_preview_frames"].get<int64_t>()),
                run["listen_in_preview_s"].get<double>());
    if (run["efficiency_suspect"].get<bool>())
      std::printf(
          "  warning: efficiency above 1: the roofline GEMMs ran slower than the decode "
          "(toy shapes or a busy machine); not a measure of efficiency\n");
  }
  std::printf("  peak resident memory  %.0f MB, load average %.2f at the end\n",
              report["peak_rss_mb"].get<double>(), report["load_average_1min"].get<double>());
}

}  // namespace drs::bench
