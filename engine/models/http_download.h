// One file over HTTP(S) into a folder, with libcurl: resume from a `.part` file with
// Range, retries after a dropped connection or a 5xx answer, verification of size and
// SHA-256, then an atomic rename to the final name.
//
// Retries: `max_retries` is a budget of retries in a row that bring no new data; an
// attempt that gets further into the file than any before restores it, so a long file
// on a flaky line completes while a dead line gives up. The delay doubles from
// `retry_delay_ms` (capped at `max_retry_delay_ms`). When the budget runs out, and on
// cancel, the `.part` file is kept so the next call resumes; a failed size or digest
// check removes it.
//
// Expected digest: `sha256` when pinned; otherwise the hub's own metadata: the
// `X-Linked-Etag` header of the hub's redirect for LFS files (or an `ETag` that is 64
// hex digits) is the SHA-256 of the content. Size: pinned, else `X-Linked-Size`, else
// what the server announced. A file with no digest anywhere is accepted on size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace drs::models {

struct HttpDownload {
  std::string url;
  std::filesystem::path target;     // final path; `<target>.part` while incomplete
  std::int64_t expected_size = -1;  // pinned size
  std::string sha256;               // pinned full digest (lower-case hex)
  std::string token;  // bearer token, sent to the original host only (never after a redirect)
  // Told the bytes in the .part file and the total (-1 until known); returns false to cancel.
  std::function<bool(std::int64_t done, std::int64_t total)> progress;
  std::function<void(const std::string&)> status;  // "retrying in 2 s: ...", "verifying ..."
  int max_retries = 5;
  int retry_delay_ms = 1000;
  int max_retry_delay_ms = 30000;
  int stall_timeout_s = 60;  // a connection without data this long counts as dropped
};

struct HttpDownloadResult {
  std::int64_t size = 0;
  std::string sha256;            // computed
  bool sha256_verified = false;  // checked against a pinned or server-published digest
};

// Throws drs::Error: ModelMissing for HTTP and network failures (naming the status and
// URL; 401/403 mention HF_TOKEN), ModelCorrupt for a size or digest mismatch (naming
// the file and both digests), Output for an unwritable target or a full disk,
// Cancelled when `progress` returned false.
HttpDownloadResult download_file(const HttpDownload& request);

}  // namespace drs::models
