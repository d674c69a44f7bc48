// drs-bench-mulan-audio: time to embed one reference clip (10 s at 24 kHz) with
// MuQ-MuLan's audio tower at the released size (MuQ-large-msd-iter: 12 Conformer layers
// of 1024, 512-channel mel stem; random weights built here, no model files), split into
// the tower's stages. --small: a toy size for CI. Output: one JSON object on stdout.
//
//   drs-bench-mulan-audio [--small] [--repeats N] [--threads N]
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drs/process_tuning.h"
#include "mulan/audio_style_encoder.h"
#include "mulan/audio_tower_config.h"
#include "mulan/audio_tower_random.h"
#include "mulan/conformer_encoder.h"
#include "mulan/mel_frontend.h"
#include "mulan/mel_stem.h"
#include "mulan/mulan_audio_head.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

drs::AudioTowerConfig small_config() {
  drs::AudioTowerConfig c;
  c.stem_channels = 8;
  c.conformer.dim = 64;
  c.conformer.depth = 2;
  c.conformer.heads = 4;
  c.conformer.ffn_dim = 128;
  c.head = {48, 0, 4, 16, 4};
  return c;
}

double load_average() {
  std::ifstream in("/proc/loadavg");
  double load = -1;
  in >> load;
  return load;
}

}  // namespace

int main(int argc, char** argv) {
  drs::tune_process(argv);  // measure what the app runs (passive OpenMP waits)
  bool small = false;
  int repeats = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--small") {
      small = true;
    } else if (flag == "--repeats" && i + 1 < argc) {
      repeats = std::max(1, std::atoi(argv[++i]));
    } else if (flag == "--threads" && i + 1 < argc) {
      at::set_num_threads(std::max(1, std::atoi(argv[++i])));
    } else {
      std::fprintf(stderr, "usage: drs-bench-mulan-audio [--small] [--repeats N] [--threads N]\n");
      return 2;
    }
  }
  const auto config = small ? small_config() : drs::AudioTowerConfig{};
  auto start = Clock::now();
  auto weights = drs::random_audio_tower_weights(config, 1234);
  int64_t parameters = 0;
  for (const auto& [name, tensor] : weights.all()) parameters += tensor.numel();
  const drs::AudioStyleEncoder encoder(config, weights);
  const double build_s = seconds_since(start);

  auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
  const auto clip = at::randn({config.clip_samples}, gen, at::kFloat) * 0.1;
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    start = Clock::now();
    (void)encoder.embed(clip);
    times.push_back(seconds_since(start));
  }
  // The same clip stage by stage, from the blocks the encoder is made of.
  auto stage_weights = drs::random_audio_tower_weights(config, 1234);
  const std::string muq = "mulan.audio.model.model.";
  const drs::MelFrontEnd mel(config.mel);
  const drs::MelStem stem(config, stage_weights, muq + "conv.");
  const drs::ConformerEncoder conformer(config.conformer, stage_weights, muq + "conformer.");
  const drs::MulanAudioHead head(config, stage_weights);
  nlohmann::json stages;
  at::Tensor x = clip;
  int64_t tokens = 0;
  {
    c10::InferenceMode guard;
    const auto timed = [&](const char* name, const auto& f) {
      const auto t = Clock::now();
      x = f(x);
      stages[name] = seconds_since(t);
    };
    timed("mel_front_end", [&](const at::Tensor& y) { return mel.forward(y); });
    timed("mel_stem", [&](const at::Tensor& y) { return stem.forward(y); });
    tokens = x.size(0);
    timed("conformer",
          [&](const at::Tensor& y) { return conformer.forward(y, config.use_layer_idx); });
    timed("mulan_head", [&](const at::Tensor& y) { return head.to_latent(head.pool(y)); });
  }
  std::sort(times.begin(), times.end());
  const nlohmann::json report = {
      {"benchmark", "mulan_audio_embed"},
      {"size", small ? "small" : "released (MuQ-large-msd-iter + MuQ-MuLan-large audio head)"},
      {"parameters", parameters},
      {"clip_seconds", static_cast<double>(config.clip_samples) / config.mel.sample_rate},
      {"tokens", tokens},
      {"threads", at::get_num_threads()},
      {"build_seconds", build_s},
      {"embed_seconds_min", times.front()},
      {"embed_seconds_median", times[times.size() / 2]},
      {"stage_seconds", stages},
      {"repeats", repeats},
      {"load_average_1min", load_average()}};
  std::printf("%s\n", report.dump(2).c_str());
  return 0;
}
