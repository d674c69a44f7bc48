#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "drs/error.h"

namespace drs {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
  throw Error(ErrorKind::Output, path.string() + ": " + what + " (" + std::strerror(err) + ")");
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  const auto folder =
      target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  std::string pattern = (folder / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  fd_ = ::mkstemp(buffer.data());
  if (fd_ < 0) fail(target_, "cannot create a file in " + folder.string(), errno);
  temp_ = buffer.data();
  ::fchmod(fd_, 0644);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const auto written = ::write(fd_, bytes, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(target_, "write failed", errno);
    }
    bytes += written;
    size -= static_cast<std::size_t>(written);
  }
}

void AtomicFile::commit() {
  commit_as(target_);
}

void AtomicFile::commit_as(const std::filesystem::path& target) {
  if (::fsync(fd_) != 0) fail(target, "cannot flush to disk", errno);
  if (::close(fd_) != 0) {
    fd_ = -1;
    fail(target, "cannot close", errno);
  }
  fd_ = -1;
  if (std::rename(temp_.c_str(), target.c_str()) != 0)
    fail(target, "cannot rename into place", errno);
  temp_.clear();
}

}  // namespace drs
