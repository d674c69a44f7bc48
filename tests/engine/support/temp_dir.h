// A fresh, empty folder under the system's temporary directory, removed with everything
// in it when the object goes (also when a test fails half-way). The one temporary-folder
// helper of the test suites; support/temp_dir_test.h makes it a GoogleTest fixture.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

namespace drs::test {

class TempDir {
 public:
  // `label` only makes the folder recognisable (drs-<label>-<pid>-<n>); every object
  // gets its own folder.
  explicit TempDir(std::string_view label = "test") {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("drs-" + std::string(label) + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::filesystem::path& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace drs::test
