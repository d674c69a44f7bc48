// The audio tower's configuration and weight binding: official layouts round-trip,
// unsupported settings and foreign tensors are refused by name, the torch-version-
// dependent names of the unused pos_conv_embed are both accepted, and the clip rule.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "drs/error.h"
#include "mulan/audio_style_encoder.h"
#include "mulan/audio_tower_config.h"
#include "mulan/audio_tower_random.h"

namespace {

drs::AudioTowerConfig tiny() {
  drs::AudioTowerConfig c;
  c.stem_channels = 2;
  c.conformer.dim = 16;
  c.conformer.depth = 1;
  c.conformer.heads = 2;
  c.conformer.ffn_dim = 32;
  c.conformer.depthwise_kernel = 3;
  c.head = {8, 1, 2, 4, 2};
  return c;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const drs::Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(AudioTowerConfig, OfficialLayoutsRoundTrip) {
  const auto c = tiny();
  const auto back = drs::AudioTowerConfig::from_official_json(c.official_mulan_audio_json(),
                                                              c.official_muq_json());
  EXPECT_EQ(back.stem_channels, 2);
  EXPECT_EQ(back.conformer.dim, 16);
  EXPECT_EQ(back.conformer.depthwise_kernel, 3);
  EXPECT_EQ(back.head.depth, 1);
  EXPECT_EQ(back.head.dim_head, 4);
  EXPECT_EQ(back.clip_samples, 240000);
  EXPECT_DOUBLE_EQ(back.mel.mean, c.mel.mean);
}

TEST(AudioTowerConfig, UnsupportedSettingsAreRefusedByName) {
  const auto c = tiny();
  auto muq = c.official_muq_json();
  muq["w2v2_config"]["position_embeddings_type"] = "relative";
  EXPECT_NE(error_of([&] {
              (void)drs::AudioTowerConfig::from_official_json(c.official_mulan_audio_json(), muq);
            }).find("position_embeddings_type 'relative'"),
            std::string::npos);
  auto mulan = c.official_mulan_audio_json();
  mulan["audio_model"]["model_dim"] = 1024;
  EXPECT_NE(error_of([&] {
              (void)drs::AudioTowerConfig::from_official_json(mulan, c.official_muq_json());
            }).find("model_dim 1024 differs from the MuQ encoder_dim 16"),
            std::string::npos);
  muq = c.official_muq_json();
  muq.erase("stat");
  EXPECT_NE(error_of([&] {
              (void)drs::AudioTowerConfig::from_official_json(c.official_mulan_audio_json(), muq);
            }).find("no 'stat' block"),
            std::string::npos);
}

TEST(AudioTowerWeights, ForeignOrMisShapedTensorsAreNamed) {
  const auto c = tiny();
  auto with = [&](const std::string& name, const at::Tensor& t) {
    auto all = drs::random_audio_tower_weights(c, 1).all();
    all[name] = t;
    return drs::WeightMap(all, "test.safetensors");
  };
  auto foreign = with("mulan.audio.model.model.conformer.extra", at::zeros({1}));
  EXPECT_NE(error_of([&] {
              drs::AudioStyleEncoder(c, foreign);
            }).find("unexpected audio-tower tensor 'mulan.audio.model.model.conformer.extra'"),
            std::string::npos);
  auto bad_shape = with("mulan.audio.proj.bias", at::zeros({9}));
  EXPECT_NE(error_of([&] { drs::AudioStyleEncoder(c, bad_shape); }).find("mulan.audio.proj.bias"),
            std::string::npos);
  // torch >= 2.1 names the weight-norm halves differently; unused either way.
  const std::string pos = "mulan.audio.model.model.conformer.pos_conv_embed.conv.";
  auto all = drs::random_audio_tower_weights(c, 1).all();
  all[pos + "parametrizations.weight.original0"] = all.at(pos + "weight_g");
  all[pos + "parametrizations.weight.original1"] = all.at(pos + "weight_v");
  all.erase(pos + "weight_g");
  all.erase(pos + "weight_v");
  drs::WeightMap newer(all, "newer.safetensors");
  EXPECT_EQ(error_of([&] { drs::AudioStyleEncoder(c, newer); }), "no error");
}

TEST(AudioStyleEncoder, ClipsWrapToTheStartAsMuqMulanDoes) {
  const auto c = tiny();
  auto w = drs::random_audio_tower_weights(c, 1);
  const drs::AudioStyleEncoder encoder(c, w);
  const auto spans = [&](int64_t n) {
    std::string s;
    for (const auto& span : encoder.clips(n))
      s += std::to_string(span.start) + "+" + std::to_string(span.length) + " ";
    return s;
  };
  EXPECT_EQ(spans(240000), "0+240000 ");
  EXPECT_EQ(spans(240001), "0+240000 240000+240000 ");
  EXPECT_EQ(spans(88800), "0+177600 ");   // shorter than half a clip: itself twice
  EXPECT_EQ(spans(200000), "0+240000 ");  // completed from its own start
  EXPECT_EQ(spans(500000), "0+240000 240000+240000 480000+240000 ");
  // Unit latents are averaged, not re-normalised; a clip too short for the FFT is refused.
  const auto e = encoder.embed(at::randn({30000}) * 0.1);
  EXPECT_EQ(e.sizes(), (at::IntArrayRef{1, 512}));
  EXPECT_NEAR(e.norm().item<double>(), 1.0, 1e-5);
  EXPECT_NE(error_of([&] { (void)encoder.embed(at::zeros({500})); }).find("too short"),
            std::string::npos);
}

}  // namespace
