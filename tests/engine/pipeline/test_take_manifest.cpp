// Take manifests: the BLAS kernels a take was computed with are recorded, survive the
// file round trip, and a replay on other kernels is warned about (cores of one vector
// width round differently) while an older manifest without them replays silently.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "drs/take_manifest.h"
#include "support/temp_dir_test.h"

namespace {

class TakeManifestFile : public drs::test::TempDirTest {};

drs::TakeManifest manifest_made_with(const std::string& blas_core) {
  drs::TakeManifest m;
  m.request.lyrics = "[00:01.00]la\n";
  m.request.style = "calm piano";
  m.seed = 7;
  m.origin = {"1.0", "demo", "Demo", std::string(64, 'a'), {}, "Float", "cpu", 2, blas_core};
  m.audio.file = "take.wav";
  m.audio.sha256 = std::string(64, 'b');
  m.audio.frames = 10;
  m.created_utc = "2026-12-03T06:00:00Z";
  return m;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
  for (const auto& w : warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

TEST_F(TakeManifestFile, BlasKernelsRoundTripAndOtherKernelsAreWarnedAbout) {
  const auto file = dir_ / "take.json";
  drs::write_take_manifest(file, manifest_made_with("OpenBLAS Cooperlake"));
  const auto read = drs::read_take_manifest(file);
  EXPECT_EQ(read.origin.blas_core, "OpenBLAS Cooperlake");

  auto here = read.origin;
  EXPECT_TRUE(drs::check_replay(read, here).empty());
  here.blas_core = "OpenBLAS SkylakeX";
  const auto warnings = drs::check_replay(read, here);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(mentions(warnings,
                       "made with OpenBLAS Cooperlake and is replayed with OpenBLAS "
                       "SkylakeX: the audio may differ in the last bits"))
      << warnings.front();
}

TEST_F(TakeManifestFile, AManifestWithoutBlasKernelsReplaysWithoutAWarning) {
  const auto file = dir_ / "take.json";
  drs::write_take_manifest(file, manifest_made_with("OpenBLAS SkylakeX"));
  auto json = nlohmann::json::parse(std::ifstream(file));
  ASSERT_TRUE(json.contains("blas_core"));
  json.erase("blas_core");
  std::ofstream(file) << json.dump(1);
  const auto read = drs::read_take_manifest(file);
  EXPECT_TRUE(read.origin.blas_core.empty());
  auto here = read.origin;
  here.blas_core = "OpenBLAS Haswell";
  EXPECT_TRUE(drs::check_replay(read, here).empty());
}

}  // namespace
