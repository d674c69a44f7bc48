#include "bench_options.h"

#include <stdexcept>
#include <string>

namespace drs::bench {
namespace {

constexpr const char* kUsage =
    "usage: drs-bench [--json] [--small] [--long] [--dtype fp32|bf16|fp16|int8] [--device "
    "cpu|cuda]\n"
    "                 [--threads N] [--repeats N] [--seq N] [--warmup N]\n"
    "                 [--no-step] [--no-load]"
    " [--no-heap-reuse] [--full-weights] [--float-attention]\n"
    "                 [--vae-graph FILE.pt --vae-base N]\n"
    "                 [--vae [--vae-frames N] [--vae-repeats N]] [--attention] [--swiglu]\n"
    "                 [--deviation [--deviation-seq N] [--deviation-fixture SAMPLE.json]]";

at::ScalarType parse_dtype(const std::string& s) {
  if (s == "fp32" || s == "float32") return at::kFloat;
  if (s == "bf16" || s == "bfloat16") return at::kBFloat16;
  if (s == "fp16" || s == "float16") return at::kHalf;
  throw std::invalid_argument("unknown dtype '" + s + "'\n" + kUsage);
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options opt;
  bool frames_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value\n" + kUsage);
      return argv[++i];
    };
    if (arg == "--json") {
      opt.json = true;
    } else if (arg == "--small") {  // toy size: seconds, for CI
      opt.config.dim = 128;
      opt.config.depth = 2;
      opt.config.ff_mult = 2;
      opt.config.conv_layers = 1;
      opt.seq_lengths = {64, 128};
      opt.repeats = 2;
      opt.vae_small = true;
    } else if (arg == "--long") {
      opt.config.max_frames = 6144;
      opt.seq_lengths.push_back(6144);
    } else if (arg == "--dtype") {
      const auto dtype = value();
      if (dtype == "int8") {  // int8 block matrices, float32 activations
        opt.dtype = at::kFloat;
        opt.residency = WeightResidency::Int8;
      } else {
        opt.dtype = parse_dtype(dtype);
      }
    } else if (arg == "--device") {
      opt.device = at::Device(value());
    } else if (arg == "--threads") {
      opt.threads = std::stoi(value());
    } else if (arg == "--repeats") {
      opt.repeats = std::max(1, std::stoi(value()));
    } else if (arg == "--seq") {  // one sequence length instead of the default list
      opt.seq_lengths = {std::stoll(value())};
    } else if (arg == "--vae-graph") {  // e.g. the reference fixtures' vae_tiny.pt
      opt.vae_graph = value();
    } else if (arg == "--vae-base") {  // that graph's base channel count (its JSON says)
      opt.vae_base = std::stoll(value());
    } else if (arg == "--attention") {  // the attention kernels instead of the DiT
      opt.attention = true;
    } else if (arg == "--swiglu") {  // the int8 MLP's element-wise work instead of the DiT
      opt.swiglu = true;
    } else if (arg == "--vae") {  // the native VAE decoder instead of the DiT
      opt.vae = true;
    } else if (arg == "--vae-frames") {
      opt.vae_frames = std::max<int64_t>(1, std::stoll(value()));
      frames_given = true;
    } else if (arg == "--vae-repeats") {
      opt.vae_repeats = std::max(1, std::stoi(value()));
    } else if (arg == "--float-attention") {  // bf16/int8 runs: float32 attention (and convs)
      opt.attention_kernel = CpuAttention::Float32;
    } else if (arg == "--full-weights") {  // widen every matrix to the compute dtype at load
      if (opt.residency == WeightResidency::Compact) opt.residency = WeightResidency::Compute;
    } else if (arg == "--deviation") {
      opt.deviation = true;
    } else if (arg == "--deviation-seq") {
      opt.deviation_seq = std::stoll(value());
    } else if (arg == "--deviation-fixture") {  // e.g. reference/model/dit_base_tiny_sample.json
      opt.deviation_fixture = value();
    } else if (arg == "--no-heap-reuse") {  // glibc defaults: mmap/munmap per temporary
      opt.heap_reuse = false;
    } else if (arg == "--warmup") {
      opt.warmup = std::max(0, std::stoi(value()));
    } else if (arg == "--no-step") {
      opt.measure_step = false;
    } else if (arg == "--no-load") {
      opt.measure_load = false;
    } else {
      throw std::invalid_argument("unknown option '" + arg + "'\n" + kUsage);
    }
  }
  if (opt.vae_small && !frames_given) opt.vae_frames = 300;
  if (!opt.vae_graph.empty() && opt.vae_base <= 0)
    throw std::invalid_argument("--vae-graph needs --vae-base N (its base channel count)");
  return opt;
}

}  // namespace drs::bench
