// Golden tests: token ids and 512-d embeddings of the MuQ-MuLan text tower against
// the official MuQ + transformers code (every kind=mulan_text fixture).
#include <gtest/gtest.h>

#include <cstdio>

#include "mulan/style_encoder.h"
#include "mulan/style_encoder_config.h"
#include "support/reference.h"
#include "weights/safetensors.h"
#include "weights/weight_map.h"

namespace {

TEST(MulanGolden, TokenIdsAndEmbeddingsMatchTheOfficialTower) {
  const auto fixtures = drs::test::find_fixtures("mulan_text");
  ASSERT_FALSE(fixtures.empty()) << "no kind=mulan_text fixture under "
                                 << drs::test::reference_dir();
  for (const auto& fx : fixtures) {
    const auto config = drs::StyleEncoderConfig::from_fixture_json(fx.json);
    auto weights = drs::load_weight_map(fx.dir() / fx.json.at("weights").get<std::string>());
    const drs::StyleEncoder encoder(
        config, weights, fx.dir() / fx.json.at("sentencepiece_model").get<std::string>());
    const auto io = drs::SafetensorsFile::open(fx.dir() / fx.json.at("io").get<std::string>());
    int ids_exact = 0, cases = 0;
    double worst_abs = 0, worst_cos = 1;
    for (const auto& c : fx.json.at("cases")) {
      const auto index = std::to_string(c.at("index").get<int>());
      const auto prompt = c.at("prompt").get<std::string>();
      const auto expected_ids = c.at("input_ids").get<std::vector<int64_t>>();
      const auto ids = encoder.tokenize(prompt);
      ++cases;
      if (ids == expected_ids) ++ids_exact;
      EXPECT_EQ(ids, expected_ids) << "prompt " << index << ": " << prompt;
      const auto stored_ids = io.tensor("case" + index + ".input_ids").reshape({-1});
      EXPECT_TRUE(at::equal(stored_ids, at::tensor(expected_ids, at::kLong)));
      const auto want = io.tensor("case" + index + ".embedding");
      const auto got = encoder.embed(prompt);
      const double abs_err = (got - want).abs().max().item<double>();
      const double cosine = at::cosine_similarity(got, want, 1).item<double>();
      worst_abs = std::max(worst_abs, abs_err);
      worst_cos = std::min(worst_cos, cosine);
      EXPECT_LE(abs_err, 1e-4) << "prompt " << index;
      EXPECT_GE(cosine, 0.99999) << "prompt " << index;
      EXPECT_NEAR(got.norm().item<double>(), 1.0, 1e-5);
    }
    std::printf("%s: token ids exact %d/%d, embedding max abs err %.3g, min cosine %.8f\n",
                fx.name().c_str(), ids_exact, cases, worst_abs, worst_cos);
  }
}

}  // namespace
