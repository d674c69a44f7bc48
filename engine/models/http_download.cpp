#include "models/http_download.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

#include "drs/error.h"
#include "models/sha256.h"

namespace drs::models {
namespace fs = std::filesystem;
namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

void init_curl_once() {
  static const CurlGlobal global;
  (void)global;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(std::string s) {
  const auto junk = [](unsigned char c) { return std::isspace(c) || c == '"'; };
  while (!s.empty() && junk(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && junk(static_cast<unsigned char>(s[i]))) ++i;
  s.erase(0, i);
  if (s.rfind("W/", 0) == 0) s = trim(s.substr(2));
  return s;
}

bool is_sha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::int64_t parse_int(const std::string& s) {
  std::int64_t v = 0;
  bool any = false;
  for (const char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
    any = true;
  }
  return any ? v : -1;
}

// What one attempt learnt from the response headers (of every hop of a redirect chain).
struct Attempt {
  const HttpDownload* request = nullptr;
  fs::path part;
  int fd = -1;
  std::int64_t offset = 0;   // .part bytes when the request was sent
  std::int64_t written = 0;  // bytes appended in this attempt
  long status = 0;           // of the current response
  std::int64_t range_start = -1, range_total = -1, content_length = -1;
  std::string linked_etag, etag;
  std::int64_t linked_size = -1;
  bool body_checked = false;
  bool restart = false;  // the server ignored Range: start again from 0
  int write_errno = 0;
  bool cancelled = false;
  std::int64_t total = -1;
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& a = *static_cast<Attempt*>(user);
  const std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response of the chain
    const auto space = line.find(' ');
    a.status =
        space == std::string::npos ? 0 : static_cast<long>(parse_int(line.substr(space + 1)));
    a.range_start = a.range_total = a.content_length = -1;
    a.etag.clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  const std::string key = lower(line.substr(0, colon));
  const std::string value = trim(line.substr(colon + 1));
  if (key == "x-linked-etag") a.linked_etag = lower(value);
  if (key == "x-linked-size") a.linked_size = parse_int(value);
  if (key == "etag") a.etag = lower(value);
  if (key == "content-length") a.content_length = parse_int(value);
  if (key == "content-range") {  // "bytes START-END/TOTAL" or "bytes */TOTAL"
    const std::string v = value.substr(std::min(value.size(), value.find(' ') + 1));
    a.range_start = v.rfind('*', 0) == 0 ? -1 : parse_int(v);
    const auto slash = v.find('/');
    a.range_total = slash == std::string::npos ? -1 : parse_int(v.substr(slash + 1));
  }
  return size * count;
}

// The first body bytes of the final response decide where they go.
bool accept_body(Attempt& a) {
  a.body_checked = true;
  if (a.status == 206) {
    if (a.range_start != a.offset) {
      a.restart = true;  // not the range we asked for
      return false;
    }
    a.total = a.range_total;
    return true;
  }
  if (a.status == 200) {
    if (a.offset > 0) {  // the server ignored Range: the body is the whole file
      if (::ftruncate(a.fd, 0) != 0) {
        a.write_errno = errno;
        return false;
      }
      a.offset = 0;
    }
    a.total = a.content_length;
    return true;
  }
  return false;  // an error page: never written into the file
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& a = *static_cast<Attempt*>(user);
  if (!a.body_checked && !accept_body(a)) return 0;
  std::size_t done = 0;
  const std::size_t bytes = size * count;
  while (done < bytes) {
    const ssize_t n = ::write(a.fd, data + done, bytes - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      a.write_errno = errno;
      return 0;
    }
    done += static_cast<std::size_t>(n);
  }
  a.written += static_cast<std::int64_t>(bytes);
  return bytes;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto& a = *static_cast<Attempt*>(user);
  if (a.request->progress && !a.request->progress(a.offset + a.written, a.total)) {
    a.cancelled = true;
    return 1;
  }
  return 0;
}

enum class Outcome { Complete, Retry, Restart };

[[noreturn]] void fail_status(const HttpDownload& r, long status) {
  std::string why = "HTTP " + std::to_string(status);
  if (status == 401 || status == 403)
    why +=
        " (access denied: a gated repository needs a Hugging Face token in HF_TOKEN, and "
        "its licence accepted on the model page)";
  if (status == 404) why += " (not found)";
  throw Error(ErrorKind::ModelMissing, why + " for " + r.url);
}

[[noreturn]] void fail_write(const HttpDownload& r, const fs::path& part, int err) {
  if (err == ENOSPC || err == EDQUOT)
    throw Error(ErrorKind::Output, "disk full while writing " + part.string() + " (" +
                                       r.target.filename().string() + ")");
  throw Error(ErrorKind::Output, "cannot write " + part.string() + ": " + std::strerror(err));
}

void configure(CURL* c, const HttpDownload& r, Attempt& a) {
  curl_easy_setopt(c, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  // Never from https down to http.
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR,
                   r.url.rfind("https:", 0) == 0 ? "https" : "http,https");
  if (!r.token.empty()) {
    // libcurl sends credentials only to the host of the original URL, not to the CDN
    // the hub redirects to (CURLOPT_UNRESTRICTED_AUTH stays off).
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
    curl_easy_setopt(c, CURLOPT_XOAUTH2_BEARER, r.token.c_str());
  }
  curl_easy_setopt(c, CURLOPT_USERAGENT, "DiffRhythm-Studio");
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &a);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &a);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &a);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(r.stall_timeout_s));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  if (a.offset > 0) {
    const std::string range = std::to_string(a.offset) + "-";
    curl_easy_setopt(c, CURLOPT_RANGE, range.c_str());  // copied by libcurl
  }
}

bool transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return true;
    default: return false;
  }
}

// One request from the current end of the .part file.
Outcome attempt_once(const HttpDownload& r, Attempt& a, std::string& why) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw Error(ErrorKind::Internal, "libcurl could not start a transfer");
  configure(curl.get(), r, a);
  const CURLcode code = curl_easy_perform(curl.get());
  if (a.cancelled) throw Error(ErrorKind::Cancelled, "download of " + r.url + " cancelled");
  if (a.write_errno != 0) fail_write(r, a.part, a.write_errno);
  if (a.restart) return Outcome::Restart;
  if (a.status == 416) {  // nothing left to send: the .part may already be complete
    if (a.range_total == a.offset) {
      a.total = a.offset;
      return Outcome::Complete;
    }
    return Outcome::Restart;
  }
  if (code == CURLE_OK && (a.status == 200 || a.status == 206)) return Outcome::Complete;
  if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CONNECT_ERROR ||
      code == CURLE_SSL_CACERT_BADFILE)
    throw Error(ErrorKind::ModelMissing,
                "TLS failure for " + r.url + ": " + curl_easy_strerror(code));
  if (code == CURLE_TOO_MANY_REDIRECTS || code == CURLE_UNSUPPORTED_PROTOCOL)
    throw Error(ErrorKind::ModelMissing, std::string(curl_easy_strerror(code)) + " for " + r.url +
                                             " (more than 10 redirects, or one to plain http)");
  if (a.status >= 500 || transient(code) || (code == CURLE_WRITE_ERROR && a.status == 0)) {
    why = a.status >= 500 ? "HTTP " + std::to_string(a.status) : curl_easy_strerror(code);
    return Outcome::Retry;
  }
  if (a.status >= 300) fail_status(r, a.status);
  throw Error(ErrorKind::ModelMissing, std::string(curl_easy_strerror(code)) + " for " + r.url);
}

std::int64_t file_size_or_zero(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  return ec ? 0 : static_cast<std::int64_t>(size);
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Transfers until the .part holds the whole file; returns what the server said about it.
Attempt fetch(const HttpDownload& r, const fs::path& part) {
  Fd fd{::open(part.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)};
  if (fd.fd < 0) fail_write(r, part, errno);
  int retries = 0;
  int delay = r.retry_delay_ms;
  std::int64_t furthest = file_size_or_zero(part);
  std::string linked_etag;
  std::int64_t linked_size = -1;
  for (;;) {
    Attempt a;
    a.request = &r;
    a.part = part;
    a.fd = fd.fd;
    a.offset = file_size_or_zero(part);
    std::string why;
    const Outcome outcome = attempt_once(r, a, why);
    if (!a.linked_etag.empty()) linked_etag = a.linked_etag;
    if (a.linked_size >= 0) linked_size = a.linked_size;
    a.linked_etag = linked_etag;
    a.linked_size = linked_size;
    if (outcome == Outcome::Complete) return a;
    if (outcome == Outcome::Restart) {
      if (::ftruncate(fd.fd, 0) != 0) fail_write(r, part, errno);
      if (++retries > r.max_retries)
        throw Error(ErrorKind::ModelMissing,
                    "the server keeps answering ranges other than "
                    "requested for " +
                        r.url);
      continue;
    }
    const std::int64_t now = file_size_or_zero(part);
    if (now > furthest) {  // progress restores the budget
      furthest = now;
      retries = 0;
      delay = r.retry_delay_ms;
    }
    if (++retries > r.max_retries)
      throw Error(ErrorKind::ModelMissing,
                  "giving up on " + r.url + " after " + std::to_string(r.max_retries) +
                      " retries without progress (" + why + "); run the command again to resume");
    if (r.status)
      r.status("connection lost (" + why + "), retrying in " + std::to_string(delay) + " ms");
    for (int waited = 0; waited < delay; waited += 100) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (r.progress && !r.progress(now, a.total))
        throw Error(ErrorKind::Cancelled, "download of " + r.url + " cancelled");
    }
    delay = std::min(delay * 2, r.max_retry_delay_ms);
  }
}

}  // namespace

HttpDownloadResult download_file(const HttpDownload& r) {
  init_curl_once();
  const fs::path part = r.target.string() + ".part";
  std::error_code ec;
  fs::create_directories(r.target.parent_path(), ec);
  if (fs::is_regular_file(r.target, ec)) {  // done by an earlier, interrupted run
    HttpDownloadResult kept{file_size_or_zero(r.target), sha256_file(r.target), false};
    if ((r.sha256.empty() || kept.sha256 == r.sha256) &&
        (r.expected_size < 0 || kept.size == r.expected_size)) {
      kept.sha256_verified = !r.sha256.empty();
      return kept;
    }
    fs::remove(r.target, ec);
  }
  const Attempt a = fetch(r, part);
  const std::int64_t size = file_size_or_zero(part);
  const std::int64_t expected = r.expected_size >= 0 ? r.expected_size
                                : a.linked_size >= 0 ? a.linked_size
                                                     : a.total;
  const std::string name = r.target.filename().string();
  if (expected >= 0 && size != expected) {
    fs::remove(part, ec);
    throw Error(ErrorKind::ModelCorrupt, name + ": downloaded " + std::to_string(size) +
                                             " bytes, expected " + std::to_string(expected) +
                                             " (from " + r.url + "); the partial file was removed");
  }
  std::string published = r.sha256;
  if (published.empty() && is_sha256(a.linked_etag)) published = a.linked_etag;
  if (published.empty() && is_sha256(a.etag)) published = a.etag;
  if (r.status) r.status("verifying " + name);
  HttpDownloadResult result;
  result.size = size;
  result.sha256 = sha256_file(part);
  if (!published.empty() && result.sha256 != published) {
    fs::remove(part, ec);
    throw Error(ErrorKind::ModelCorrupt, name + ": SHA-256 " + result.sha256 +
                                             " does not match the published " + published +
                                             " (from " + r.url + "); the file was removed");
  }
  result.sha256_verified = !published.empty();
  fs::rename(part, r.target, ec);
  if (ec) throw Error(ErrorKind::Output, "cannot rename " + part.string() + ": " + ec.message());
  return result;
}

}  // namespace drs::models
