#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "dit/dit_config.h"
#include "dit/dit_model.h"
#include "dit/random_weights.h"
#include "drs/error.h"

namespace {

drs::DitConfig tiny(int64_t max_frames = 2048) {
  drs::DitConfig c;
  c.dim = 64;
  c.depth = 2;
  c.ff_mult = 2;
  c.conv_layers = 1;
  c.max_frames = max_frames;
  return c;
}

std::string load_error(drs::WeightMap weights, const drs::DitConfig& config) {
  try {
    drs::DiT dit(config, weights, at::kFloat);
    weights.finish();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    return e.what();
  }
  return {};
}

TEST(DitLoading, RandomWeightsHaveExactlyTheOfficialNames) {
  EXPECT_EQ(load_error(drs::random_dit_weights(tiny(), 1), tiny()), "");
  EXPECT_EQ(load_error(drs::random_dit_weights(tiny(6144), 1), tiny(6144)), "");
  // Real sizes: 219 tensors (base), 223 (full), as MODEL.md 2.5 counts them.
  drs::DitConfig real;
  EXPECT_EQ(drs::random_dit_weights(
                [&] {
                  auto c = real;
                  c.dim = 64;
                  return c;
                }(),
                1)
                .all()
                .size(),
            219u);
  EXPECT_EQ(drs::random_dit_weights(
                [&] {
                  auto c = real;
                  c.dim = 64;
                  c.max_frames = 6144;
                  return c;
                }(),
                1)
                .all()
                .size(),
            223u);
}

TEST(DitLoading, MissingTensorIsNamed) {
  auto all = drs::random_dit_weights(tiny(), 1).all();
  all.erase("transformer.transformer_blocks.1.mlp.up_proj.weight");
  const auto message = load_error(drs::WeightMap(all, "cfm.safetensors"), tiny());
  EXPECT_NE(message.find("transformer.transformer_blocks.1.mlp.up_proj.weight"), std::string::npos)
      << message;
}

TEST(DitLoading, WrongShapeIsNamed) {
  auto all = drs::random_dit_weights(tiny(), 1).all();
  all["transformer.proj_out.weight"] = at::zeros({64, 65});
  const auto message = load_error(drs::WeightMap(all, "cfm.safetensors"), tiny());
  EXPECT_NE(message.find("transformer.proj_out.weight"), std::string::npos) << message;
}

TEST(DitLoading, BaseWeightsInAFullConfigMissTheDurationEmbedding) {
  const auto message = load_error(drs::random_dit_weights(tiny(2048), 1), tiny(6144));
  EXPECT_NE(message.find("duration_time_embed"), std::string::npos) << message;
  const auto unexpected = load_error(drs::random_dit_weights(tiny(6144), 1), tiny(2048));
  EXPECT_NE(unexpected.find("unexpected tensor"), std::string::npos) << unexpected;
}

TEST(DitConfig, RejectsBadValues) {
  EXPECT_THROW(drs::DitConfig::from_json({{"dim", 100}}, 2048), drs::Error);
  EXPECT_THROW(drs::DitConfig::from_json({{"text_dim", 256}}, 2048), drs::Error);
  EXPECT_THROW(drs::DitConfig::from_json({{"depth", -1}}, 2048), drs::Error);
  EXPECT_THROW(drs::DitConfig::from_json(nlohmann::json::object(), 4096), drs::Error);
  const auto c = drs::DitConfig::from_json({{"dim", 2048}, {"depth", 16}, {"heads", 16}}, 2048);
  EXPECT_EQ(c.heads, 32);  // whatever the JSON says
}

}  // namespace
