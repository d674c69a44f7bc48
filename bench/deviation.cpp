#include "deviation.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "drs/machine_speed.h"
#include "drs/presets.h"
#include "sampler/cfm_sampler.h"
#include "weights/safetensors.h"

namespace drs::bench {
namespace {

struct Variant {
  std::string name;
  SamplingSettings sampling;
  at::ScalarType dtype = at::kFloat;
  WeightResidency residency = WeightResidency::Compact;
  CpuAttention attention = CpuAttention::Fastest;
};

std::vector<Variant> variants(const SamplingSettings& exact, const Options& opt,
                              const DitConfig& config) {
  std::vector<Variant> out{{"exact (best preset, float32)", exact}};
  for (const auto& preset : presets())
    if (preset.id != "best") out.push_back({"preset " + std::string(preset.id), preset.sampling});
  for (const float until : {0.5f, 0.3f}) {
    auto partial = exact;
    partial.guidance_until = until;
    char name[64];
    std::snprintf(name, sizeof name, "best, guidance until t = %.1f", static_cast<double>(until));
    out.push_back({name, partial});
  }
  // bfloat16 only where it is native (emulated it is ~35x slower: minutes become hours).
  if (opt.device.is_cuda() || cpu_bfloat16_speedup(opt.threads) > 1.0)
    out.push_back({"best, bfloat16", exact, at::kBFloat16});
  if (opt.device.is_cpu() && Int8Linear::available()) {
    out.push_back({"best, int8 matrices", exact, at::kFloat, WeightResidency::Int8});
    // What the bf16 attention kernel adds to int8's deviation, and the fast song's cost.
    if (bf16_attention_supported(config.dim / config.heads))
      out.push_back({"best, int8, float32 attention", exact, at::kFloat, WeightResidency::Int8,
                     CpuAttention::Float32});
    out.push_back({"preset fast, int8 matrices", find_preset("fast")->sampling, at::kFloat,
                   WeightResidency::Int8});
  }
  return out;
}

// One DiT per (dtype, residency), built when a variant first needs it.
class DitCache {
 public:
  DitCache(const DitConfig& config, const WeightMap& weights, at::Device device)
      : config_(config), weights_(weights), device_(device) {}
  const DiT& get(at::ScalarType dtype, WeightResidency residency, CpuAttention attention) {
    const auto key = std::make_tuple(static_cast<int>(dtype), static_cast<int>(residency),
                                     static_cast<int>(attention));
    auto& slot = dits_[key];
    if (!slot) {
      auto copy = weights_;  // take() marks names; the tensors themselves are shared
      slot = std::make_unique<DiT>(config_, copy, at::TensorOptions().dtype(dtype).device(device_),
                                   residency, attention);
    }
    return *slot;
  }

 private:
  DitConfig config_;
  const WeightMap& weights_;
  at::Device device_;
  std::map<std::tuple<int, int, int>, std::unique_ptr<DiT>> dits_;
};

nlohmann::json compare(const DitConfig& config, const WeightMap& weights, const SampleInputs& in,
                       const SamplingSettings& exact, const Options& opt) {
  DitCache dits(config, weights, opt.device);
  at::Tensor reference;
  double reference_seconds = 0;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& v : variants(exact, opt, config)) {
    const auto& dit = dits.get(v.dtype, v.residency, v.attention);
    const auto start = std::chrono::steady_clock::now();
    const auto latent = sample(dit, in, v.sampling, {}, {}).to(at::kCPU, at::kFloat);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!reference.defined()) {
      reference = latent;
      reference_seconds = seconds;
    }
    const double relative_l2 = ((latent - reference).norm() / reference.norm()).item<double>();
    rows.push_back({{"variant", v.name},
                    {"forward_passes", v.sampling.forward_passes()},
                    {"seconds", seconds},
                    {"speedup", reference_seconds / seconds},
                    {"relative_l2", relative_l2}});
    if (!opt.json)
      std::fprintf(stderr, "  %-32s %.1f s, relative L2 %.4f\n", v.name.c_str(), seconds,
                   relative_l2);
  }
  return rows;
}

SamplingSettings best_settings() {
  return find_preset("best")->sampling;
}

}  // namespace

nlohmann::json deviation_on_random_inputs(const Options& opt, const WeightMap& weights) {
  const int64_t n = opt.deviation_seq;
  at::manual_seed(99);
  SampleInputs in;
  in.y0 = at::randn({1, n, opt.config.mel_dim});
  in.cond = at::zeros({1, n, opt.config.mel_dim});
  in.text = at::randint(0, opt.config.text_num_embeds + 1, {1, n}, at::kLong);
  in.style = at::randn({1, 512});
  in.style = in.style / in.style.norm();
  in.negative_style = at::randn({1, 512});
  in.negative_style = in.negative_style / in.negative_style.norm();
  in.start_time = at::zeros({1});
  in.song_duration = at::ones({1});
  in.segments = {{0, n}};
  return {{"inputs", "random weights and inputs, " + std::to_string(n) + " frames"},
          {"dim", opt.config.dim},
          {"depth", opt.config.depth},
          {"rows", compare(opt.config, weights, in, best_settings(), opt)}};
}

nlohmann::json deviation_on_fixture(const Options& opt, const std::filesystem::path& file) {
  const auto read = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    return nlohmann::json::parse(in);
  };
  const auto fixture = read(file);
  const auto dir = file.parent_path();
  const auto model = read(dir / (fixture.at("model").get<std::string>() + ".json"));
  const auto config =
      DitConfig::from_json(model.at("config"), fixture.at("max_frames").get<int64_t>());
  auto weights = load_weight_map(dir / model.at("weights").get<std::string>());
  const auto io = SafetensorsFile::open(dir / fixture.at("io").get<std::string>());
  SampleInputs in;
  in.y0 = io.tensor("input.y0").clone();
  in.cond = io.tensor("input.cond").clone();
  in.text = io.tensor("input.text").clone();
  in.style = io.tensor("input.style_prompt").clone();
  in.negative_style = io.tensor("input.negative_style_prompt").clone();
  in.start_time = io.tensor("input.start_time").clone();
  in.song_duration = io.tensor("input.song_duration").clone();
  for (const auto& s : fixture.at("latent_pred_segments"))
    in.segments.emplace_back(s.at(0), s.at(1));
  return {{"inputs", "fixture " + file.filename().string() + " (official inputs and weights)"},
          {"dim", config.dim},
          {"depth", config.depth},
          {"rows", compare(config, weights, in, best_settings(), opt)}};
}

void print_deviation(const nlohmann::json& result) {
  std::printf("deviation from the exact result: %s (dim %d, depth %d)\n",
              result["inputs"].get<std::string>().c_str(), result["dim"].get<int>(),
              result["depth"].get<int>());
  std::printf("  %-32s %8s %9s %8s %12s\n", "variant", "forwards", "seconds", "speed-up",
              "relative L2");
  for (const auto& r : result["rows"])
    std::printf("  %-32s %8d %9.2f %7.2fx %12.4f\n", r["variant"].get<std::string>().c_str(),
                r["forward_passes"].get<int>(), r["seconds"].get<double>(),
                r["speedup"].get<double>(), r["relative_l2"].get<double>());
}

}  // namespace drs::bench
