// Downloading a catalogue entry (a model set, or a stand-alone component such as
// "chinese-lyrics") into the model store over HTTP(S) with libcurl: each file resumes
// from its `.part` file, is verified by size and SHA-256 (pinned, else the hub's
// X-Linked-Etag), and renamed atomically; checkpoints are converted once and the
// manifest is written last, in a staging folder `<store>/<id>.downloading` that is
// renamed to `<store>/<id>` at the end (a later call resumes from what it holds).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "drs/model_catalog.h"

namespace drs {

// $HF_ENDPOINT, else https://huggingface.co (no trailing slash).
[[nodiscard]] std::string hub_endpoint();
// $HF_TOKEN, else empty.
[[nodiscard]] std::string hub_token();

struct DownloadProgress {
  std::string file;  // local name of the file being transferred
  int index = 0;     // 0-based, of `count`
  int count = 0;
  std::int64_t file_done = 0, file_total = -1;
  std::int64_t done = 0, total = 0;  // over the whole entry (estimated until known)
};

struct DownloadOptions {
  std::string endpoint = hub_endpoint();
  std::string token = hub_token();
  std::function<void(const DownloadProgress&)> progress;
  std::function<void(const std::string&)> status;  // retries, verification, conversion
  std::function<bool()> cancelled;                 // polled; true stops (the .part files stay)
  int max_retries = 5;
  int retry_delay_ms = 1000;
};

// Installs `entry` into `<store>/<entry.id>` and returns that folder. Refuses to start
// when the disk lacks the room for what is left to fetch. Throws drs::Error (see
// models/http_download.h for the kinds).
std::filesystem::path download_to_store(const CatalogSet& entry, const std::filesystem::path& store,
                                        const DownloadOptions& options = {});

}  // namespace drs
