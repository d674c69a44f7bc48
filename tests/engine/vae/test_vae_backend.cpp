// Which network a model file gets (native Oobleck or its TorchScript graph), that an
// Oobleck file that fails to bind is an error naming the tensor (never a silent
// fallback), weight-norm folding, and the configuration read from the weights.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "drs/error.h"
#include "models/torchscript_archive.h"
#include "oobleck_fixture.h"
#include "support/temp_dir.h"
#include "vae/oobleck_config.h"
#include "vae/vae.h"
#include "vae/weight_norm.h"
#include "weights/safetensors.h"
#include "weights/weight_map.h"

namespace {

namespace fs = std::filesystem;

std::vector<drs::test::Fixture> oobleck_fixtures() {
  auto fixtures = drs::test::find_fixtures("vae_torchscript");
  EXPECT_FALSE(fixtures.empty()) << "no kind=vae_torchscript fixture";
  return fixtures;
}

// An in-memory copy of a fixture's folded weights, for editing.
std::map<std::string, at::Tensor> folded_tensors(const drs::test::Fixture& fx) {
  auto weights = drs::models::read_torchscript_weights(drs::test::oobleck_graph(fx)).weights;
  std::map<std::string, at::Tensor> copy;
  for (const auto& [name, tensor] : weights.all()) copy.emplace(name, tensor.clone());
  return copy;
}

// The drs::Error message of binding `tensors` natively (empty if it bound).
std::string bind_error(std::map<std::string, at::Tensor> tensors) {
  drs::WeightMap weights(std::move(tensors), "edited.pt");
  try {
    const drs::Vae vae(weights, at::TensorOptions().dtype(at::kFloat));
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    return e.what();
  }
  return {};
}

TEST(VaeBackend, NonOobleckGraphRunsThroughTorchScript) {
  const auto fixtures = drs::test::find_fixtures("vae");
  ASSERT_FALSE(fixtures.empty());
  for (const auto& fx : fixtures) {
    const drs::Vae vae(fx.dir() / fx.json.at("model").get<std::string>(), at::kCPU);
    EXPECT_EQ(vae.backend_name(), "TorchScript") << fx.json_path;
  }
}

TEST(VaeBackend, OobleckFileRunsNatively) {
  for (const auto& fx : oobleck_fixtures()) {
    for (const auto& source : drs::test::oobleck_weight_sources(fx)) {
      const drs::Vae vae(source.file, at::kCPU);
      EXPECT_EQ(vae.backend_name(), "native Oobleck") << source.file;
      const auto shape = vae.shape();
      EXPECT_EQ(shape.latent_channels, fx.json.at("latent_dim").get<int64_t>());
      EXPECT_EQ(shape.encoded_channels, fx.json.at("encoder_out_channels").get<int64_t>());
      EXPECT_EQ(shape.hop, fx.json.at("hop").get<int64_t>());
    }
  }
}

TEST(VaeBackend, ConfigurationIsReadFromTheWeights) {
  for (const auto& fx : oobleck_fixtures()) {
    for (const auto& source : drs::test::oobleck_weight_sources(fx)) {
      const auto weights = source.name == "torchscript"
                               ? drs::models::read_torchscript_weights(source.file).weights
                               : drs::load_weight_map(source.file);
      const auto prefix = drs::find_oobleck_prefix(weights);
      ASSERT_TRUE(prefix.has_value()) << source.file;
      for (const char* part : {"decoder", "encoder"}) {
        const auto& want = fx.json.at(part);
        const auto got = std::string(part) == "decoder"
                             ? drs::derive_decoder_config(weights, *prefix)
                             : drs::derive_encoder_config(weights, *prefix);
        EXPECT_EQ(got.channels, want.at("channels").get<int64_t>()) << part;
        EXPECT_EQ(got.c_mults, want.at("c_mults").get<std::vector<int64_t>>()) << part;
        EXPECT_EQ(got.strides, want.at("strides").get<std::vector<int64_t>>()) << part;
        EXPECT_EQ(got.latent_channels, want.at("latent_dim").get<int64_t>()) << part;
      }
      EXPECT_FALSE(drs::derive_decoder_config(weights, *prefix).final_bias);
    }
  }
}

TEST(VaeBackend, MisShapedOobleckTensorIsAnErrorNamingIt) {
  for (const auto& fx : oobleck_fixtures()) {
    auto tensors = folded_tensors(fx);
    const std::string name = "decoder.layers.2.layers.3.layers.1.weight";
    ASSERT_TRUE(tensors.count(name));
    tensors[name] = tensors[name].narrow(2, 0, 5).contiguous();  // kernel 7 -> 5
    const auto message = bind_error(tensors);
    EXPECT_NE(message.find(name), std::string::npos) << message;
  }
}

TEST(VaeBackend, MissingAndStrayOobleckTensorsAreErrorsNamingThem) {
  for (const auto& fx : oobleck_fixtures()) {
    auto missing = folded_tensors(fx);
    const std::string gone = "encoder.layers.3.layers.1.layers.2.beta";
    ASSERT_EQ(missing.erase(gone), 1u);
    auto message = bind_error(missing);
    EXPECT_NE(message.find(gone), std::string::npos) << message;

    auto stray = folded_tensors(fx);
    stray.emplace("decoder.extra.weight", at::zeros({3}));
    message = bind_error(stray);
    EXPECT_NE(message.find("decoder.extra.weight"), std::string::npos) << message;
  }
}

TEST(VaeBackend, BrokenOobleckSafetensorsFileIsNoSilentFallback) {
  for (const auto& fx : oobleck_fixtures()) {
    auto tensors = folded_tensors(fx);
    const std::string name = "decoder.layers.1.layers.1.bias";
    tensors[name] = at::zeros({tensors[name].size(0) + 1});
    std::vector<std::pair<std::string, at::Tensor>> list(tensors.begin(), tensors.end());
    const drs::test::TempDir dir("broken-vae");
    const auto path = dir / "vae.safetensors";
    drs::write_safetensors(path, list);
    try {
      const drs::Vae vae(path, at::kCPU);
      ADD_FAILURE() << "bound a broken file as " << vae.backend_name();
    } catch (const drs::Error& e) {
      EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    }
  }
}

// MODEL.md 6.4: the norm runs over every axis but 0, which for a transposed
// convolution's [in, out, k] weight is per *input* channel.
TEST(VaeBackend, WeightNormFoldsPerAxisZero) {
  const auto v = at::randn({4, 3, 5});
  const auto g = at::rand({4, 1, 1}) + 0.5;
  const auto w = drs::fold_weight_norm(g, v);
  for (int64_t i = 0; i < 4; ++i)
    EXPECT_NEAR(w[i].norm().item<double>(), g[i].item<double>(), 1e-5);
}

TEST(VaeBackend, WeightNormStateFoldsToTheGraphsWeights) {
  for (const auto& fx : oobleck_fixtures()) {
    const auto sources = drs::test::oobleck_weight_sources(fx);
    for (const auto& source : sources) {
      if (source.name != "weightnorm") continue;
      auto normed = drs::load_weight_map(source.file);
      const auto folded =
          drs::models::read_torchscript_weights(drs::test::oobleck_graph(fx)).weights;
      double worst = 0;
      int pairs = 0;
      for (const auto& [name, tensor] : folded.all()) {
        const auto stem = name.substr(0, name.size() - std::string(".weight").size());
        if (!name.ends_with(".weight") || !normed.has(stem + ".weight_v")) continue;
        const auto w = drs::take_conv_weight(normed, stem, tensor.sizes(), at::kFloat);
        worst = std::max(worst, (w - tensor).abs().max().item<double>());
        ++pairs;
      }
      std::printf("  %s: %d weight-norm pairs folded, max abs diff to the graph's %.3g\n",
                  fx.name().c_str(), pairs, worst);
      EXPECT_GT(pairs, 0);
      EXPECT_LE(worst, 1e-6);
    }
  }
}

}  // namespace
