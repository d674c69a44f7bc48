// Run journal files: exact round trip, and damaged files refused with the file named
// (never a crash, never a huge allocation from a damaged shape).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "drs/error.h"
#include "drs/run_journal.h"
#include "pipeline/run_journal_file.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

class RunJournalFile : public drs::test::TempDirTest {
 protected:
  void SetUp() override { fs::create_directories(dir_ / "runs"); }
};

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_all(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

TEST_F(RunJournalFile, TensorsAndHeaderRoundTripExactly) {
  const auto state = at::randn({2, 7, 64});
  const auto tokens = at::arange(7, at::kLong).reshape({1, 7});
  const auto file = dir_ / "runs" / "a.drsrun";
  drs::write_journal_file(file, {{"step", 3}}, {{"state", state}, {"text", tokens}});
  const auto content = drs::read_journal_file(file);
  EXPECT_EQ(content.header["step"], 3);
  EXPECT_TRUE(at::equal(content.tensors.at("state"), state));
  EXPECT_TRUE(at::equal(content.tensors.at("text"), tokens));
}

TEST_F(RunJournalFile, EveryTruncationIsRefusedNamingTheFile) {
  const auto file = dir_ / "runs" / "b.drsrun";
  drs::write_journal_file(file, {{"step", 1}}, {{"state", at::randn({1, 4, 64})}});
  const auto bytes = read_all(file);
  int refused = 0;
  for (std::size_t cut = 0; cut < bytes.size(); cut += 97) {
    write_all(file, bytes.substr(0, cut));
    try {
      (void)drs::read_journal_file(file);
      ADD_FAILURE() << "a journal cut at " << cut << " of " << bytes.size() << " bytes was read";
    } catch (const drs::Error& e) {
      EXPECT_EQ(e.kind(), drs::ErrorKind::BadInput);
      EXPECT_NE(std::string(e.what()).find("b.drsrun"), std::string::npos) << e.what();
      ++refused;
    }
  }
  std::printf("%d truncations of a %zu-byte journal refused\n", refused, bytes.size());
}

TEST_F(RunJournalFile, ADamagedShapeIsRefusedBeforeAllocating) {
  const auto file = dir_ / "runs" / "c.drsrun";
  drs::write_journal_file(file, {}, {{"state", at::zeros({1, 2, 64})}});
  auto bytes = read_all(file);
  const auto at_shape = bytes.find("[1,2,64]");
  ASSERT_NE(at_shape, std::string::npos);
  bytes.replace(at_shape, 8, "[9999999,9999999,999999]");
  // The header grew: fix its length field so only the shape is wrong.
  const auto header_end = bytes.find("}", bytes.rfind("\"tensors\"")) + 2;
  std::uint64_t length = header_end - 16;
  for (int i = 0; i < 8; ++i)
    bytes[static_cast<std::size_t>(8 + i)] = static_cast<char>(length >> (8 * i));
  write_all(file, bytes);
  EXPECT_THROW((void)drs::read_journal_file(file), drs::Error);
}

TEST_F(RunJournalFile, ListingShowsUnusableJournalsWithTheirProblem) {
  write_all(dir_ / "runs" / "junk.drsrun", "not a journal at all");
  drs::write_journal_file(dir_ / "runs" / "other.drsrun", {{"format", "something else"}}, {});
  const auto runs = drs::list_run_journals(dir_);
  ASSERT_EQ(runs.size(), 2u);
  for (const auto& run : runs) {
    EXPECT_FALSE(run.problem.empty()) << run.file;
    std::printf("%s: %s\n", run.file.filename().c_str(), run.problem.c_str());
  }
  drs::discard_run_journal(runs[0].file);
  EXPECT_EQ(drs::list_run_journals(dir_).size(), 1u);
}

}  // namespace
