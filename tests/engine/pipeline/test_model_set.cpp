#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "drs/engine.h"
#include "drs/error.h"
#include "drs/model_set.h"
#include "pipeline/negative_style.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

class ModelSetTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override { fs::copy(DRS_TEST_DEMO_DIR, dir_, fs::copy_options::recursive); }
};

TEST_F(ModelSetTest, DemoSetDescribesItself) {
  const auto set = drs::read_model_set(dir_);
  EXPECT_TRUE(set.is_demo);
  EXPECT_EQ(set.max_frames, 2048);
  EXPECT_NE(set.name.find("noise"), std::string::npos);
}

TEST_F(ModelSetTest, MissingFileIsNamed) {
  fs::remove(dir_ / drs::ModelSetLayout::kVae);
  try {
    drs::read_model_set(dir_);
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
    EXPECT_NE(std::string(e.what()).find("vae_model.pt"), std::string::npos) << e.what();
  }
}

TEST_F(ModelSetTest, CorruptManifestIsReported) {
  std::ofstream(dir_ / drs::ModelSetLayout::kManifest) << "{ not json";
  try {
    drs::read_model_set(dir_);
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
  }
}

TEST_F(ModelSetTest, MisShapedDitWeightFailsTheRunWithItsName) {
  // Swap in a DiT config that does not match the weights: loading must name a tensor.
  std::ofstream(dir_ / drs::ModelSetLayout::kDitConfig)
      << R"({"model": {"dim": 128, "depth": 2, "ff_mult": 2, "conv_layers": 1}})";
  drs::Engine engine({dir_, drs::Device::Cpu});
  drs::GenerationRequest request;
  request.sampling = {2, 1.0f, std::nullopt};
  const auto result = engine.generate(request, {});
  EXPECT_EQ(result.outcome, drs::Outcome::Failed);
  EXPECT_EQ(result.error_kind, drs::ErrorKind::ModelCorrupt);
  EXPECT_NE(result.error.find("transformer."), std::string::npos) << result.error;
}

TEST(NegativeStyle, EmbeddedVocalNpyIsTheOfficialUnitVector) {
  const auto v = drs::negative_style_embedding();
  ASSERT_EQ(v.size(), 512u);
  double norm = 0, sum = 0;
  for (const float x : v) {
    norm += double(x) * x;
    sum += x;
  }
  EXPECT_NEAR(std::sqrt(norm), 0.99999671, 1e-6);  // checks from reference/data/README.md
  EXPECT_NEAR(sum, -1.05490611, 1e-5);
  EXPECT_NEAR(v[0], -0.04636734, 1e-7);
}

TEST(NegativeStyle, MalformedNpyIsRejected) {
  const std::vector<unsigned char> junk{'x', 'y'};
  EXPECT_THROW(drs::parse_npy_float32(junk), drs::Error);
}

}  // namespace
