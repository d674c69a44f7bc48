// drs::AtomicFile: the target appears only complete, and a failed or abandoned write
// leaves an existing file of that name as it was, with no temporary file behind.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "drs/error.h"
#include "support/temp_dir_test.h"

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_text(drs::AtomicFile& file, const std::string& text) {
  file.write(text.data(), text.size());
}

class AtomicFileTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override { std::ofstream(target_, std::ios::binary) << "old contents"; }
  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    return out;
  }
  const fs::path target_ = dir_ / "song.wav";
};

// Lowers RLIMIT_FSIZE for its lifetime, so that writes past `bytes` fail with EFBIG (the
// SIGXFSZ that would kill the process is ignored meanwhile).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limited{bytes, saved_.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = nullptr;
};

}  // namespace

TEST_F(AtomicFileTest, TheTargetChangesOnlyAtCommit) {
  drs::AtomicFile file(target_);
  write_text(file, "new contents");
  EXPECT_EQ(file.temp_path().parent_path(), dir_);  // same folder: the rename is atomic
  EXPECT_EQ(read_all(file.temp_path()), "new contents");
  EXPECT_EQ(read_all(target_), "old contents");

  file.commit();
  EXPECT_EQ(read_all(target_), "new contents");
  EXPECT_EQ(names(), std::vector<std::string>{"song.wav"});
}

TEST_F(AtomicFileTest, AnAbandonedWriteLeavesTheOldFileAndNoTemporaryFile) {
  {
    drs::AtomicFile file(target_);
    write_text(file, "half a song");
  }
  EXPECT_EQ(read_all(target_), "old contents");
  EXPECT_EQ(names(), std::vector<std::string>{"song.wav"});
}

TEST_F(AtomicFileTest, AFailedWriteThrowsAndLeavesTheOldFile) {
  const std::string big(64 * 1024, 'x');
  try {
    drs::AtomicFile file(target_);
    const FileSizeLimit limit(4096);
    write_text(file, big);
    FAIL() << "a write past the file size limit succeeded";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Output);
    EXPECT_NE(std::string(e.what()).find(target_.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("write failed"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_all(target_), "old contents");
  EXPECT_EQ(names(), std::vector<std::string>{"song.wav"});
}

TEST_F(AtomicFileTest, CommitAsKeepsThePartUnderAnotherName) {
  drs::AtomicFile file(target_);
  write_text(file, "the decoded part");
  file.commit_as(dir_ / "song.partial.wav");
  EXPECT_EQ(read_all(target_), "old contents");
  EXPECT_EQ(read_all(dir_ / "song.partial.wav"), "the decoded part");
  EXPECT_EQ(names().size(), 2u);
}

TEST_F(AtomicFileTest, AMissingFolderIsAnOutputErrorNamingIt) {
  const auto target = dir_ / "no-such-folder" / "song.wav";
  try {
    drs::AtomicFile file(target);
    FAIL() << "created a file in a missing folder";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::Output);
    EXPECT_NE(std::string(e.what()).find((dir_ / "no-such-folder").string()), std::string::npos)
        << e.what();
  }
}
