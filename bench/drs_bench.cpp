// drs-bench: DiT speed at the real model size (random weights cost the same as real
// ones), against the matmul roofline measured in the same process.
//
//   drs-bench                 real size (dim 2048, depth 16), seq 256/1024/2048, fp32
//   drs-bench --long          also seq 6144 (the full model)
//   drs-bench --dtype bf16    compute dtype (fp32, bf16, fp16)
//   drs-bench --small         a few-second run at toy size (CI keeps it from rotting)
//   drs-bench --json          machine-readable output on stdout
//   drs-bench --vae           native Oobleck VAE decoder, released size, 95 s song chunked
//   drs-bench --attention     the attention kernels per head (float32, library bf16, AVX512-BF16)
//   drs-bench --swiglu        the int8 MLP's element-wise work: LibTorch passes vs the fused kernel
#include <ATen/ATen.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "attention_bench.h"
#include "bench_options.h"
#include "core/cpu_memory.h"
#include "core/threads.h"
#include "deviation.h"
#include "dit/dit_model.h"
#include "dit/random_weights.h"
#include "dit_flops.h"
#include "drs/blas_kernel.h"
#include "drs/cpu_features.h"
#include "drs/machine_speed.h"
#include "drs/presets.h"
#include "drs/process_tuning.h"
#include "journal_bench.h"
#include "memory.h"
#include "real_size_vae.h"
#include "roofline.h"
#include "sampler/cfm_sampler.h"
#include "stats.h"
#include "swiglu_bench.h"
#include "vae/chunk_plan.h"
#include "vae/vae.h"
#include "vae_bench.h"
#include "weights/safetensors.h"

namespace drs::bench {
namespace {

DitInputs random_inputs(const DitConfig& config, int64_t frames, int64_t batch,
                        const at::TensorOptions& options) {
  DitInputs in;
  in.cond = at::zeros({batch, frames, config.mel_dim}, options);
  in.text = at::randint(0, config.text_num_embeds + 1, {batch, frames}, at::kLong);
  in.style = at::randn({batch, 512}, options);
  in.start_time = at::zeros({batch}, options);
  in.duration = at::full(
      {batch}, static_cast<double>(frames) / static_cast<double>(config.max_frames), options);
  return in;
}

struct ForwardResult {
  int64_t frames = 0;
  double minor_faults = 0;    // per forward: page-fault churn of temporaries
  double system_seconds = 0;  // per forward, kernel time (faults, zeroing)
  Timing forward;             // one velocity evaluation at batch 2 (cond + uncond)
  Roofline roofline;          // the projection GEMMs, same shapes and dtype
  Roofline attention;         // the attention GEMMs (K = 64 / N = 64), same shapes
  double flops = 0, attention_flops = 0;
  [[nodiscard]] double achieved() const { return flops / forward.median; }
  [[nodiscard]] double efficiency() const { return achieved() / roofline.flops_per_second; }
  // Against every GEMM of the forward at its own measured rate.
  [[nodiscard]] double shapes_rate() const {
    return combined_rate(flops - attention_flops, roofline, attention_flops, attention);
  }
  [[nodiscard]] double shapes_efficiency() const { return achieved() / shapes_rate(); }
};

ForwardResult bench_forward(const DiT& dit, int64_t frames, const Options& opt,
                            const Roofline& roofline, const Roofline& attention) {
  const auto options = dit.options();
  const auto inputs = random_inputs(dit.config(), frames, 2, options);
  const auto conditioning = dit.precompute(inputs);
  const auto x = at::randn({2, frames, dit.config().mel_dim}, options);
  const auto t = at::full({2}, 0.5, options);
  ForwardResult r;
  r.frames = frames;
  r.flops = dit_forward_flops(dit.config(), frames, 2);
  r.attention_flops = dit_attention_flops(dit.config(), frames, 2);
  // With a (no-op) checkpoint, as the sampler calls it: the CPU path then runs its GEMMs
  // in cancellable row slices, and that is the path a user's run takes.
  const Checkpoint poll = [] {};
  const auto before = memory_counters();
  r.forward = time_repeats(opt.warmup, opt.repeats,
                           [&] { wait_for_device(dit.velocity(x, t, conditioning, {}, poll)); });
  const auto after = memory_counters();
  const double runs = opt.warmup + opt.repeats;
  r.minor_faults = static_cast<double>(after.minor_faults - before.minor_faults) / runs;
  r.system_seconds = (after.system_seconds - before.system_seconds) / runs;
  r.roofline = roofline;
  r.attention = attention;
  return r;
}

struct StepTiming {
  Timing step;   // the step alone, as the sampler reports it (what each of a song's steps costs)
  Timing whole;  // sample() with one step: plus the conditioning set-up, paid once per song
};

// One full Euler step of the sampler (guided: both passes in one batch) at `frames`.
StepTiming bench_sampler_step(const DiT& dit, int64_t frames, const Options& opt) {
  const auto options = dit.options();
  const auto in = random_inputs(dit.config(), frames, 1, options);
  SampleInputs s;
  s.cond = in.cond;
  s.text = in.text;
  s.style = in.style;
  s.negative_style = at::randn({1, 512}, options);
  s.start_time = in.start_time;
  s.song_duration = in.duration;
  s.segments = {{0, frames}};
  s.y0 = at::randn({1, frames, dit.config().mel_dim}, options);
  SamplingSettings one_step{2, 4.0f, std::nullopt};
  std::vector<double> steps;
  SamplerProgress progress;
  progress.on_step = [&](int, int, double seconds) { steps.push_back(seconds); };
  const auto whole = time_repeats(0, opt.repeats,
                                  [&] { wait_for_device(sample(dit, s, one_step, progress, {})); });
  return {summarise(std::move(steps)), whole};
}

// The random weights rounded to float16, the dtype of the official checkpoint (what
// compact residency keeps; a full-residency DiT widens them at load as it would the file).
WeightMap as_half(const WeightMap& weights) {
  std::map<std::string, at::Tensor> half;
  for (const auto& [name, tensor] : weights.all()) half.emplace(name, tensor.to(at::kHalf));
  return WeightMap(std::move(half), weights.source());
}

double bench_load_seconds(const WeightMap& weights, const DitConfig& config,
                          const at::TensorOptions& options, WeightResidency residency) {
  const auto path = std::filesystem::temp_directory_path() / "drs-bench-dit.safetensors";
  std::vector<std::pair<std::string, at::Tensor>> tensors;
  for (const auto& [name, tensor] : weights.all()) tensors.emplace_back(name, tensor);
  write_safetensors(path, tensors);  // fp16 on disk, like the official checkpoint
  tensors.clear();
  const auto start = std::chrono::steady_clock::now();
  {
    auto loaded = load_weight_map(path);
    DiT dit(config, loaded, options, residency);
    wait_for_device(at::zeros({1}, options));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::filesystem::remove(path);
  return seconds;
}

// Whole-song sampling time per preset, extrapolated with the FLOP model from the
// efficiency measured at the longest sequence of this run.
nlohmann::json predictions(const DitConfig& config, const ForwardResult& ref) {
  nlohmann::json out = nlohmann::json::array();
  const double rate = ref.achieved();
  for (const double seconds : {95.0, 285.0}) {
    const int64_t frames = seconds <= 95 ? 2048 : 6136;
    for (const auto& preset : presets()) {
      // Batch-1 passes: a guided step is one batch-2 forward, an unguided one half of it.
      const double per_pass = dit_forward_flops(config, frames, 1) / rate;
      out.push_back({{"song_seconds", seconds},
                     {"frames", frames},
                     {"preset", std::string(preset.id)},
                     {"steps", preset.sampling.steps()},
                     {"forward_passes", preset.sampling.forward_passes()},
                     {"predicted_sampling_seconds", per_pass * preset.sampling.forward_passes()}});
    }
  }
  return out;
}

// One official decode chunk (128 latent frames) through a real-size Oobleck graph, and
// the whole chunked decode of a 95 s and a 285 s song predicted from it.
nlohmann::json bench_vae(const Options& opt) {
  auto vae = tools::widen_oobleck(opt.vae_graph, opt.vae_base);
  const ChunkParams chunking;
  const auto latents = at::randn({1, 64, chunking.chunk});
  c10::InferenceMode inference;
  auto decode = vae.module.get_method("decode_export");
  const auto timing = time_repeats(1, opt.repeats, [&] { (void)decode({latents}); });
  nlohmann::json out = {{"parameters", vae.parameters},
                        {"decoder_parameters", vae.decoder_parameters},
                        {"chunk_frames", chunking.chunk},
                        {"decode_chunk_median_s", timing.median},
                        {"decode_chunk_spread", timing.spread}};
  for (const int64_t frames : {int64_t{2048}, int64_t{6144}}) {
    const auto chunks = plan_chunks(frames, chunking.chunk, chunking.overlap).size();
    out["predicted_decode_s_" + std::to_string(frames)] =
        timing.median * static_cast<double>(chunks);
    out["chunks_" + std::to_string(frames)] = chunks;
  }
  return out;
}

// --deviation: the cost cutters against the exact result, then nothing else.
int run_deviation(const Options& opt) {
  nlohmann::json report;
  if (!opt.deviation_fixture.empty())
    report["fixture"] = deviation_on_fixture(opt, opt.deviation_fixture);
  if (opt.deviation_seq > 0) {
    const auto weights = as_half(random_dit_weights(opt.config, 1234));
    report["random"] = deviation_on_random_inputs(opt, weights);
  }
  if (opt.json) {
    std::cout << report.dump(1) << '\n';
  } else {
    for (const auto& [key, result] : report.items()) print_deviation(result);
  }
  return 0;
}

// A sub-benchmark's report: as JSON on stdout, or as its table.
int show(const nlohmann::json& report, bool json, void (*print)(const nlohmann::json&)) {
  if (json) {
    std::cout << report.dump(1) << '\n';
  } else {
    print(report);
  }
  return 0;
}

}  // namespace

int run(const Options& opt) {
  const int threads = configure_threads(opt.threads);
  if (opt.heap_reuse) keep_freed_memory_for_reuse();  // as the engine runs
  const auto options = at::TensorOptions().dtype(opt.dtype).device(opt.device);
  DitConfig config = opt.config;
  at::NoGradGuard no_grad;

  if (opt.deviation) return run_deviation(opt);
  if (opt.attention) return show(run_attention_bench(opt), opt.json, print_attention_bench);
  if (opt.swiglu) return show(run_swiglu_bench(opt), opt.json, print_swiglu_bench);
  if (opt.vae) return show(run_vae_bench(opt), opt.json, print_vae_bench);
  auto weights = as_half(random_dit_weights(config, 1234));  // the official file's dtype
  DiT dit(config, weights, options, opt.residency, opt.attention_kernel);

  nlohmann::json report;
  report["device"] = opt.device.str();
  report["dtype"] = std::string(c10::toString(opt.dtype));
  report["threads"] = threads;
  report["heap_reuse"] = opt.heap_reuse;
  report["weights"] = opt.residency == WeightResidency::Int8      ? "int8"
                      : opt.residency == WeightResidency::Compact ? "compact"
                                                                  : "full";
  report["attention_kernel"] =
      bf16_attention_chosen(opt.attention_kernel, opt.dtype, opt.device,
                            opt.residency == WeightResidency::Int8, config.dim / config.heads)
          ? bf16_attention_kernel_name(config.dim / config.heads)
      : opt.device.is_cpu() && opt.dtype == at::kFloat ? "float32 per head"
                                                       : "library";
  report["int8_kernel"] = int8_kernel_name();
  report["dit_block_matrix_mb"] = static_cast<double>(dit.block_matrix_bytes()) / 1e6;
  if (const char* wait = std::getenv("OMP_WAIT_POLICY")) report["omp_wait_policy"] = wait;
  const auto kernel = current_blas_kernel();
  report["blas_core"] = kernel.core;
  report["blas_core_forced"] = kernel.selection == BlasCoreSelection::User ||
                               kernel.selection == BlasCoreSelection::Automatic;
  report["blas_core_selection"] = std::string(selection_name(kernel.selection));
  report["blas_core_fallback"] = kernel.fallback;
  report["blas"] = kernel.describe();
  report["cpu_features"] = detect_cpu_features().summary();
  if (!opt.json) std::printf("%s\n", kernel.describe().c_str());
  report["config"] = {{"dim", config.dim},
                      {"depth", config.depth},
                      {"heads", config.heads},
                      {"ff_mult", config.ff_mult},
                      {"max_frames", config.max_frames}};
  report["forward_batch2"] = nlohmann::json::array();
  ForwardResult last;
  bool all_ran = true;
  for (const auto frames : opt.seq_lengths) {
    const auto roofline =
        measure_matmul_roofline(config, 2 * frames, options, opt.residency, opt.repeats);
    try {
      const auto attention = measure_attention_roofline(config, frames, options, opt.repeats);
      last = bench_forward(dit, frames, opt, roofline, attention);
    } catch (const c10::Error& e) {
      // e.g. a dtype this LibTorch has no CPU kernels for: report it with the roofline.
      all_ran = false;
      const std::string error = e.what_without_backtrace();
      report["forward_batch2"].push_back({{"seq", frames},
                                          {"roofline_gflops", roofline.flops_per_second / 1e9},
                                          {"error", error.substr(0, error.find('\n'))}});
      if (!opt.json)
        std::printf("forward  seq %5lld  failed: %s (roofline %.1f GFLOP/s)\n",
                    static_cast<long long>(frames), error.c_str(), roofline.flops_per_second / 1e9);
      continue;
    }
    // Above 1 the roofline itself was slow (e.g. a fallback BLAS core): say so.
    const bool suspect = last.efficiency() > 1.0 || last.shapes_efficiency() > 1.0;
    if (suspect) {
      const std::string warning =
          "efficiency above 1: the roofline GEMMs ran slower than the forward's; " +
          std::string(kernel.fallback
                          ? "the BLAS runs a generic fallback core (" + kernel.core + ")"
                          : "noise, or a busy machine while the roofline ran") +
          ", the figure is not a measure of efficiency";
      report["warnings"].push_back(warning);
      if (!opt.json)
        std::printf("warning: seq %lld: %s\n", static_cast<long long>(frames), warning.c_str());
    }
    report["forward_batch2"].push_back(
        {{"seq", frames},
         {"efficiency_suspect", suspect},
         {"median_s", last.forward.median},
         {"spread", last.forward.spread},
         {"gflops", last.achieved() / 1e9},
         {"roofline_gflops", last.roofline.flops_per_second / 1e9},
         {"roofline_spread", last.roofline.spread},
         {"efficiency", last.efficiency()},
         {"attention_gemm_gflops", last.attention.flops_per_second / 1e9},
         {"attention_flop_share", last.attention_flops / last.flops},
         {"roofline_shapes_gflops", last.shapes_rate() / 1e9},
         {"efficiency_shapes", last.shapes_efficiency()},
         {"minor_faults", last.minor_faults},
         {"system_s", last.system_seconds}});
    if (!opt.json)
      std::printf(
          "forward  seq %5lld  batch 2  %9.3f s (±%4.1f%%)  %8.1f GFLOP/s  roofline %8.1f  "
          "efficiency %.3f  | all GEMM shapes: roofline %.1f, efficiency %.3f "
          "(attention GEMMs %.1f GFLOP/s, %.0f%% of the FLOPs)  (%.0f page faults, %.2f s "
          "system)\n",
          static_cast<long long>(frames), last.forward.median, 100 * last.forward.spread,
          last.achieved() / 1e9, last.roofline.flops_per_second / 1e9, last.efficiency(),
          last.shapes_rate() / 1e9, last.shapes_efficiency(), last.attention.flops_per_second / 1e9,
          100 * last.attention_flops / last.flops, last.minor_faults, last.system_seconds);
  }
  if (opt.measure_step && all_ran) {
    const auto step = bench_sampler_step(dit, opt.seq_lengths.back(), opt);
    report["sampler_step"] = {{"seq", opt.seq_lengths.back()},
                              {"median_s", step.step.median},
                              {"spread", step.step.spread},
                              {"with_setup_median_s", step.whole.median},
                              {"setup_s", step.whole.median - step.step.median}};
    // The run journal is rewritten after every step: its share of that step.
    auto journal = bench_journal_write(opt.seq_lengths.back(), 1, 10);
    journal["share_of_step"] = journal["write_ms_median"].get<double>() / 1000.0 / step.step.median;
    report["journal"] = journal;
  }
  if (opt.measure_load)
    report["load_seconds_fp16_safetensors"] =
        bench_load_seconds(weights, config, options, opt.residency);
  if (last.forward.median > 0) report["predicted"] = predictions(config, last);
  if (!opt.vae_graph.empty()) report["vae"] = bench_vae(opt);
  report["peak_rss_mb"] = peak_resident_megabytes();

  if (opt.json) {
    std::cout << report.dump(1) << '\n';
  } else {
    if (report.contains("journal"))
      std::printf("run journal  %.2f MB, rewritten in %.1f ms (%.3f %% of a sampler step)\n",
                  report["journal"]["bytes"].get<double>() / 1e6,
                  report["journal"]["write_ms_median"].get<double>(),
                  100 * report["journal"]["share_of_step"].get<double>());
    if (report.contains("sampler_step"))
      std::printf("sampler step  seq %lld  %.3f s (conditioning set-up, once per song: %.3f s)\n",
                  static_cast<long long>(opt.seq_lengths.back()),
                  report["sampler_step"]["median_s"].get<double>(),
                  report["sampler_step"]["setup_s"].get<double>());
    if (report.contains("load_seconds_fp16_safetensors"))
      std::printf("model load (fp16 safetensors)  %.2f s\n",
                  report["load_seconds_fp16_safetensors"].get<double>());
    for (const auto& p : report.value("predicted", nlohmann::json::array()))
      std::printf("predicted  %3.0f s song  %-8s %2d steps  %8.1f s sampling\n",
                  p["song_seconds"].get<double>(), p["preset"].get<std::string>().c_str(),
                  p["steps"].get<int>(), p["predicted_sampling_seconds"].get<double>());
    if (report.contains("vae")) {
      const auto& v = report["vae"];
      std::printf(
          "VAE (%.1f M parameters) decode of one %d-frame chunk  %.2f s; whole decode "
          "95 s song %.0f s (%d chunks), 285 s song %.0f s\n",
          v["parameters"].get<double>() / 1e6, v["chunk_frames"].get<int>(),
          v["decode_chunk_median_s"].get<double>(), v["predicted_decode_s_2048"].get<double>(),
          v["chunks_2048"].get<int>(), v["predicted_decode_s_6144"].get<double>());
    }
    std::printf("peak resident memory  %.0f MB\n", report["peak_rss_mb"].get<double>());
  }
  return 0;
}

}  // namespace drs::bench

int main(int argc, char** argv) {
  drs::tune_process(argv);  // measure what the app runs
  try {
    return drs::bench::run(drs::bench::parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drs-bench: %s\n", e.what());
    return 1;
  }
}
