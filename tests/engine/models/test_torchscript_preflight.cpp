// A TorchScript archive whose format version record is newer than the LibTorch at hand
// is refused before torch::jit::load sees it, with a message that names the archive's
// version, what this LibTorch reads and which LibTorch is needed. The archives are
// written by the test (the torch 2.x zip layout): `.data/version` wins over `version`
// as in PyTorch's reader, and an archive within the limit passes. A user may repack an
// archive with compression: deflated version and code records are read as LibTorch reads
// them (zlib); a record compressed another way, or a damaged deflate stream, is named.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <zlib.h>

#include "drs/error.h"
#include "models/torchscript_preflight.h"
#include "support/temp_dir.h"
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

// `data` as zip's deflate method stores it (a raw deflate stream).
std::string raw_deflate(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(
      deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

drs::test::ZipRecord deflated(const std::string& name, const std::string& data) {
  return {name, raw_deflate(data), 8, data.size()};
}

// TorchScript source repeats itself: it deflates well.
std::string code_text() {
  std::string code = "class VAEExport(Module):\n  def forward(self, x):\n";
  for (int i = 0; i < 32; ++i) code += "    x = torch.add(x, 1)\n";
  return code + "    return x\n";
}
const std::string kCode = code_text();

// A repacked archive: data.pkl and the version record deflated, `code` as given.
fs::path write_deflated_archive(const fs::path& dir, const std::string& version,
                                drs::test::ZipRecord code) {
  const fs::path file = dir / "vae_model.pt";
  std::ofstream(file, std::ios::binary)
      << drs::test::zip_records({deflated("vae_model/data.pkl", "\x80\x02}."), std::move(code),
                                 deflated("vae_model/.data/version", version)});
  return file;
}

TEST(TorchScriptPreflight, DeflatedVersionAndCodeRecordsAreRead) {
  drs::test::TempDir dir;
  const auto code = deflated("vae_model/code/__torch__/vae.py", kCode);
  ASSERT_LT(code.data.size(), kCode.size());  // really compressed
  EXPECT_EQ(drs::models::torchscript_preflight(write_deflated_archive(dir.path(), "10\n", code),
                                               kLibTorch),
            "");
  const std::string problem = drs::models::torchscript_preflight(
      write_deflated_archive(dir.path(), "11\n", code), kLibTorch);
  EXPECT_NE(problem.find("vae_model.pt: TorchScript archive format version 11"), std::string::npos)
      << problem;
}

TEST(TorchScriptPreflight, ACodeRecordLibTorchCannotReadIsNamed) {
  drs::test::TempDir dir;
  const auto refusal = [&](drs::test::ZipRecord code) -> std::string {
    try {
      (void)drs::models::torchscript_preflight(
          write_deflated_archive(dir.path(), "10\n", std::move(code)), kLibTorch);
    } catch (const drs::Error& e) {
      EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
      return e.what();
    }
    return "accepted";
  };
  // bzip2 (method 12): zip can write it, LibTorch's miniz cannot read it.
  const std::string bzip2 =
      refusal({"vae_model/code/__torch__/vae.py", "BZh9...", 12, kCode.size()});
  std::printf("method 12: %s\n", bzip2.c_str());
  EXPECT_NE(
      bzip2.find("vae_model.pt: vae_model/code/__torch__/vae.py is compressed with method 12"),
      std::string::npos)
      << bzip2;
  // A deflate stream cut short.
  auto cut = deflated("vae_model/code/__torch__/vae.py", kCode);
  cut.data.resize(cut.data.size() / 2);
  const std::string damaged = refusal(cut);
  std::printf("damaged: %s\n", damaged.c_str());
  EXPECT_NE(damaged.find("vae_model/code/__torch__/vae.py is deflated but damaged"),
            std::string::npos)
      << damaged;
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
