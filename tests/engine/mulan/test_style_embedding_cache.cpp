#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "mulan/demo_support.h"
#include "mulan/style_embedding_cache.h"
#include "mulan/style_encoder.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

class StyleEmbeddingCacheTest : public ::testing::Test {
 protected:
  // A stand-in encoder that counts its calls and gives each prompt distinct values.
  drs::StyleEmbedding compute(std::string_view prompt) {
    ++calls_;
    drs::StyleEmbedding e;
    for (int i = 0; i < 512; ++i) e.values.push_back(static_cast<float>(prompt.size()) + 0.25f * i);
    e.warning = prompt.size() > 10 ? "long" : "";
    return e;
  }
  auto computer() {
    return [this](std::string_view p) { return compute(p); };
  }

  drs::test::TempDir temp_{"style-cache"};
  const fs::path dir_ = temp_ / "cache";  // not there yet: the cache makes its folder
  int calls_ = 0;
};

TEST_F(StyleEmbeddingCacheTest, RepeatedPromptIsComputedOnce) {
  drs::StyleEmbeddingCache cache("model-a");
  const auto first = cache.get("calm piano", computer());
  const auto second = cache.get("calm piano", computer());
  EXPECT_EQ(calls_, 1);
  EXPECT_EQ(first.values, second.values);
  cache.get("loud drums", computer());
  EXPECT_EQ(calls_, 2);
  EXPECT_FALSE(cache.file_for("calm piano").has_value());  // memory only
}

TEST_F(StyleEmbeddingCacheTest, DiskEntriesSurviveANewCacheWithTheirWarning) {
  drs::StyleEmbeddingCache(std::string("model-a"), dir_).get("a very long prompt", computer());
  ASSERT_EQ(calls_, 1);
  drs::StyleEmbeddingCache reopened("model-a", dir_);
  const auto hit = reopened.find("a very long prompt");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->values, compute("a very long prompt").values);  // bit-exact float32
  EXPECT_EQ(hit->warning, "long");
  EXPECT_FALSE(reopened.find("another prompt").has_value());
}

TEST_F(StyleEmbeddingCacheTest, OtherModelIdIsAMiss) {
  drs::StyleEmbeddingCache(std::string("model-a"), dir_).get("jazz", computer());
  drs::StyleEmbeddingCache other("model-b", dir_);
  EXPECT_FALSE(other.find("jazz").has_value());
  EXPECT_NE(other.file_for("jazz"), drs::StyleEmbeddingCache("model-a", dir_).file_for("jazz"));
}

TEST_F(StyleEmbeddingCacheTest, DamagedFilesAreRecomputedAndRewritten) {
  drs::StyleEmbeddingCache(std::string("m"), dir_).get("rock", computer());
  const auto path = *drs::StyleEmbeddingCache("m", dir_).file_for("rock");
  for (const auto size : {std::uintmax_t{0}, std::uintmax_t{5}, fs::file_size(path) - 1}) {
    fs::resize_file(path, size);
    drs::StyleEmbeddingCache cache("m", dir_);
    EXPECT_FALSE(cache.find("rock").has_value()) << "truncated to " << size;
  }
  std::ofstream(path, std::ios::binary) << "DRSSTYL1 garbage that is not an entry";
  drs::StyleEmbeddingCache cache("m", dir_);
  calls_ = 0;
  cache.get("rock", computer());
  EXPECT_EQ(calls_, 1);
  EXPECT_TRUE(drs::StyleEmbeddingCache("m", dir_).find("rock").has_value());
}

TEST_F(StyleEmbeddingCacheTest, UnwritableFolderStillCachesInMemory) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";  // a folder that cannot be created: a file is there
  drs::StyleEmbeddingCache cache("m", dir_ / "file" / "cache");
  EXPECT_NO_THROW(cache.get("folk", computer()));
  cache.get("folk", computer());
  EXPECT_EQ(calls_, 1);
}

TEST_F(StyleEmbeddingCacheTest, CachesRealEncoderOutput) {
  drs::StyleEncoderConfig config;
  config.xlmr.hidden_size = 16;
  config.xlmr.num_hidden_layers = 1;
  config.xlmr.num_attention_heads = 2;
  config.xlmr.intermediate_size = 32;
  config.text = {16, 1, 2, 8, 2, false, 512};
  const auto pieces = drs::demo_tokenizer_pieces();
  config.xlmr.vocab_size = drs::xlmr_vocab_size_for(pieces.size());
  fs::create_directories(dir_);
  drs::write_sentencepiece_model(dir_ / "spm.model", pieces);
  auto weights = drs::random_style_encoder_weights(config, 3);
  const drs::StyleEncoder encoder(config, weights, dir_ / "spm.model");

  const auto encode = [&](std::string_view prompt) {
    ++calls_;
    drs::StyleEmbedding e;
    const auto t = encoder.embed(prompt, &e.warning).contiguous();
    e.values.assign(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
    return e;
  };
  drs::StyleEmbeddingCache(std::string("demo"), dir_ / "cache").get("pop, upbeat", encode);
  const auto cached = drs::StyleEmbeddingCache("demo", dir_ / "cache").get("pop, upbeat", encode);
  EXPECT_EQ(calls_, 1);
  ASSERT_EQ(cached.values.size(), 512U);
  const auto direct = encoder.embed("pop, upbeat").contiguous();
  EXPECT_TRUE(std::equal(cached.values.begin(), cached.values.end(), direct.data_ptr<float>()));
}

}  // namespace
