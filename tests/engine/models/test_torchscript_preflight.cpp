// A TorchScript archive whose format version record is newer than the LibTorch at hand
// is refused before torch::jit::load sees it, with a message that names the archive's
// version, what this LibTorch reads and which LibTorch is needed. The archives are
// written by the test (the torch 2.x zip layout): `.data/version` wins over `version`
// as in PyTorch's reader, and an archive within the limit passes.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "drs/error.h"
#include "models/torchscript_preflight.h"
#include "temp_dir.h"
#include "torch_checkpoint_writer.h"

namespace {

namespace fs = std::filesystem;

const drs::models::LibTorchLimits kLibTorch{"1.13.1", 10};

fs::path write_archive(const fs::path& dir,
                       std::vector<std::pair<std::string, std::string>> version_records) {
  // A scripted module's records; the preflight reads none but the version.
  std::vector<std::pair<std::string, std::string>> records{
      {"vae_model/data.pkl", "\x80\x02}."},
      {"vae_model/code/__torch__/vae.py", "class VAEExport(Module):\n  pass\n"},
      {"vae_model/constants.pkl", "\x80\x02)."}};
  for (auto& record : version_records) records.push_back(std::move(record));
  const fs::path file = dir / "vae_model.pt";
  std::ofstream(file, std::ios::binary) << drs::test::zip(records);
  return file;
}

TEST(TorchScriptPreflight, NewerFormatNamesTheLibTorchNeeded) {
  drs::test::TempDir dir;
  const fs::path file = write_archive(dir.path(), {{"vae_model/.data/version", "11\n"}});
  const std::string problem = drs::models::torchscript_preflight(file, kLibTorch);
  EXPECT_NE(problem.find("vae_model.pt: TorchScript archive format version 11"), std::string::npos)
      << problem;
  EXPECT_NE(problem.find("this LibTorch 1.13.1 reads up to 10"), std::string::npos) << problem;
  EXPECT_NE(problem.find("kMaxSupportedFileFormatVersion >= 11"), std::string::npos) << problem;
}

TEST(TorchScriptPreflight, SupportedVersionsPassAndDataVersionWins) {
  drs::test::TempDir dir;
  EXPECT_EQ(drs::models::torchscript_preflight(
                write_archive(dir.path(), {{"vae_model/version", "3\n"}}), kLibTorch),
            "");
  EXPECT_EQ(drs::models::torchscript_preflight(
                write_archive(dir.path(), {{"vae_model/.data/version", "10"}}), kLibTorch),
            "");
  // PyTorch's reader takes .data/version when both exist.
  EXPECT_NE(drs::models::torchscript_preflight(
                write_archive(dir.path(),
                              {{"vae_model/version", "3\n"}, {"vae_model/.data/version", "12\n"}}),
                kLibTorch),
            "");
}

TEST(TorchScriptPreflight, NotAnArchiveIsRefusedNamingTheFile) {
  drs::test::TempDir dir;
  const fs::path junk = dir.path() / "junk.pt";
  std::ofstream(junk) << "not a zip";
  try {
    (void)drs::models::torchscript_preflight(junk, kLibTorch);
    FAIL() << "junk accepted";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    EXPECT_NE(std::string(e.what()).find("junk.pt"), std::string::npos) << e.what();
  }
}

}  // namespace
