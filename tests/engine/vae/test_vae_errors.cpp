#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stop_token>
#include <string>

#include "drs/error.h"
#include "support/reference.h"
#include "support/temp_dir.h"
#include "vae/vae.h"

namespace {

namespace fs = std::filesystem;

drs::ErrorKind kind_of_loading(const fs::path& path) {
  try {
    drs::Vae vae(path, at::kCPU);
  } catch (const drs::Error& e) {
    EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos) << e.what();
    return e.kind();
  }
  ADD_FAILURE() << "loaded " << path;
  return drs::ErrorKind::Internal;
}

TEST(VaeErrors, MissingFile) {
  const drs::test::TempDir dir("vae-missing");
  EXPECT_EQ(kind_of_loading(dir / "no-such-vae.pt"), drs::ErrorKind::ModelMissing);
}

TEST(VaeErrors, NotTorchScript) {
  const drs::test::TempDir dir("not-a-vae");
  const auto path = dir / "vae.pt";
  std::ofstream(path) << "this is not a zip archive";
  EXPECT_EQ(kind_of_loading(path), drs::ErrorKind::ModelCorrupt);
}

TEST(VaeErrors, CancelBetweenChunksStopsDecoding) {
  const auto fixtures = drs::test::find_fixtures("vae");
  ASSERT_FALSE(fixtures.empty());
  const auto& fx = fixtures.front();
  const drs::Vae vae(fx.dir() / fx.json.at("model").get<std::string>(), at::kCPU);
  std::stop_source source;
  int chunks = 0;
  const auto latents = at::randn({1, 64, 300});
  try {
    (void)vae.decode_chunked(
        latents, {128, 32},
        [&](int, int) {
          ++chunks;
          source.request_stop();
        },
        source.get_token());
    FAIL() << "not cancelled";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Cancelled);
  }
  EXPECT_EQ(chunks, 1);
}

TEST(VaeErrors, ShortAudioEncodesPlainlyInsteadOfFailing) {
  const auto fixtures = drs::test::find_fixtures("vae");
  ASSERT_FALSE(fixtures.empty());
  const auto& fx = fixtures.front();
  const drs::Vae vae(fx.dir() / fx.json.at("model").get<std::string>(), at::kCPU);
  const auto audio = at::randn({1, 2, 20 * 2048}) * 0.1;
  EXPECT_TRUE(at::allclose(vae.encode_chunked(audio, {128, 32}), vae.encode(audio)));
}

}  // namespace
