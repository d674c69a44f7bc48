// The Oobleck fixtures (kind "vae_torchscript") and the three forms their weights come
// in: the TorchScript archive itself, and next to it (same stem) the weight-normalised
// and the folded state dicts. Shared by the native golden and backend tests.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "support/reference.h"
#include "vae/vae.h"
#include "vae/vae_network.h"
#include "weights/safetensors.h"

namespace drs::test {

struct WeightSource {
  std::string name;  // "torchscript", "weightnorm", "folded"
  std::filesystem::path file;
};

inline std::filesystem::path oobleck_graph(const Fixture& fx) {
  return fx.dir() / fx.json.at("file").get<std::string>();
}

// The sources present for `fx` (the archive always; the state dicts when shipped).
inline std::vector<WeightSource> oobleck_weight_sources(const Fixture& fx) {
  const auto graph = oobleck_graph(fx);
  std::vector<WeightSource> sources{{"torchscript", graph}};
  for (const char* form : {"weightnorm", "folded"}) {
    const auto key = std::string(form) + "_state";
    const auto file = fx.json.contains(key)
                          ? fx.dir() / fx.json.at(key).get<std::string>()
                          : fx.dir() / (graph.stem().string() + "." + key + ".safetensors");
    if (std::filesystem::exists(file)) sources.push_back({form, file});
  }
  return sources;
}

// The interface sizes the fixture declares (the TorchScript graph cannot tell them).
inline VaeShape oobleck_shape(const Fixture& fx) {
  return {fx.json.value("latent_dim", int64_t{64}), fx.json.value("io_channels", int64_t{2}),
          fx.json.value("encoder_out_channels", int64_t{128}), fx.json.value("hop", int64_t{2048})};
}

// The fixture README's tolerances.
inline constexpr double kOobleckDecodeTolerance = 1e-5;
inline constexpr double kOobleckEncodeTolerance = 2e-5;

// Every decode*/encode* group of the fixture's io file through `vae`;
// `check(group, got, want, tolerance)` compares one. Returns how many groups ran.
template <typename Check>
int check_oobleck_io(const Fixture& fx, const Vae& vae, Check&& check) {
  const auto io = SafetensorsFile::open(fx.dir() / fx.json.at("io").get<std::string>());
  std::set<std::string> groups;
  for (const auto& name : io.names()) groups.insert(name.substr(0, name.find('.')));
  int checked = 0;
  for (const auto& g : groups) {
    if (g.rfind("decode", 0) == 0) {
      check(g, vae.decode(io.tensor(g + ".latents")), io.tensor(g + ".audio"),
            kOobleckDecodeTolerance);
      ++checked;
    } else if (g.rfind("encode", 0) == 0) {
      check(g, vae.encode(io.tensor(g + ".audio")), io.tensor(g + ".latents"),
            kOobleckEncodeTolerance);
      ++checked;
    }
  }
  return checked;
}

}  // namespace drs::test
