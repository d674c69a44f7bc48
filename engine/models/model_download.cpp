#include "drs/model_download.h"

#include <cstdlib>
#include <fstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "drs/model_manifest.h"
#include "models/http_download.h"
#include "models/model_import.h"
#include "models/sha256.h"

namespace drs {
namespace fs = std::filesystem;
namespace {

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

std::string percent_encode(const std::string& part) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : part) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// `{endpoint}/{repo}/resolve/{revision}/{file}`, each part percent-encoded.
std::string resolve_url(const std::string& endpoint, const std::string& repo,
                        const std::string& revision, const std::string& file) {
  std::string base = endpoint;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/" + percent_encode(repo) + "/resolve/" + percent_encode(revision) + "/" +
         percent_encode(file);
}

std::int64_t bytes_of(const CatalogFile& f) {
  return f.exact_size > 0 ? f.exact_size : f.approx_size;
}

void check_disk_space(const fs::path& folder, const std::vector<CatalogFile>& files) {
  std::int64_t needed = 0;
  for (const CatalogFile& f : files) {
    std::error_code ec;
    const fs::path target = folder / f.local_name;
    if (fs::exists(target, ec)) continue;
    const auto part = fs::file_size(target.string() + ".part", ec);
    needed += bytes_of(f) - (ec ? 0 : static_cast<std::int64_t>(part));
    if (!f.converted_name.empty()) needed += bytes_of(f);  // the converted copy
  }
  std::error_code ec;
  const auto space = fs::space(folder, ec);
  if (!ec && static_cast<std::int64_t>(space.available) < needed)
    throw Error(ErrorKind::Output, "not enough disk space in " + folder.string() + ": " +
                                       std::to_string(needed / 1'000'000) + " MB needed, " +
                                       std::to_string(space.available / 1'000'000) + " MB free");
}

// Files verified by an earlier, interrupted run of the same download: a file found
// complete on a re-run is hashed again, and this record says whether that digest was
// the one the source published (download_file alone cannot know it any more).
constexpr const char* kStateFile = ".download-state.json";

nlohmann::json read_state(const fs::path& staging) {
  std::ifstream in(staging / kStateFile);
  auto state = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  return state.is_object() ? state : nlohmann::json::object();
}

void write_state(const fs::path& staging, const nlohmann::json& state) {
  std::ofstream(staging / kStateFile) << state.dump();
}

bool verified_before(const nlohmann::json& state, const std::string& name,
                     const std::string& sha256) {
  const auto it = state.find(name);
  return it != state.end() && it->is_object() && it->value("sha256", "") == sha256 &&
         it->value("verified", false);
}

// A file the source does not have (HTTP 404) whose content the catalogue knows: written
// in its place, its digest recorded as unverified.
models::HttpDownloadResult install_fallback(const CatalogFile& f, const fs::path& target) {
  std::ofstream(target, std::ios::binary) << f.fallback_content;
  std::error_code ec;
  fs::remove(target.string() + ".part", ec);  // what the failed request may have left
  return {static_cast<std::int64_t>(fs::file_size(target, ec)), models::sha256_file(target), false};
}

bool not_found(const Error& e) {
  return e.kind() == ErrorKind::ModelMissing &&
         std::string_view(e.what()).find("HTTP 404") != std::string_view::npos;
}

// Where a catalogue file comes from: its direct URL, else the hub's
// `{endpoint}/{repo}/resolve/{revision}/{file}` URL, each part percent-encoded.
std::string source_url(const CatalogFile& file, const std::string& endpoint) {
  return file.url.empty() ? resolve_url(endpoint, file.repo, file.revision, file.file) : file.url;
}

}  // namespace

std::string hub_endpoint() {
  std::string base = env_or("HF_ENDPOINT", "https://huggingface.co");
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string hub_token() {
  return env_or("HF_TOKEN", "");
}

fs::path download_to_store(const CatalogSet& entry, const fs::path& store,
                           const DownloadOptions& options) {
  const fs::path target = install_folder(store, entry.id);
  const fs::path staging = target.string() + ".downloading";
  std::error_code ec;
  fs::create_directories(staging, ec);
  if (ec) throw Error(ErrorKind::Output, "cannot create " + staging.string() + ": " + ec.message());
  const std::vector<CatalogFile> files = entry.files();
  check_disk_space(staging, files);
  DownloadProgress progress;
  progress.count = static_cast<int>(files.size());
  // The total counts what is known: sizes of the files done, the server's size of the
  // current one, catalogue estimates for the rest.
  std::int64_t estimates = 0;
  for (const CatalogFile& f : files) estimates += bytes_of(f);
  progress.total = estimates;
  nlohmann::json state = read_state(staging);
  std::vector<ManifestFile> done;
  for (const CatalogComponent& component : entry.components) {
    for (const CatalogFile& f : component.files) {
      if (!is_safe_relative_name(f.local_name))
        throw Error(ErrorKind::ModelCorrupt, "unsafe file name " + f.local_name);
      progress.file = f.local_name;
      progress.file_done = 0;
      progress.file_total = -1;
      const std::int64_t before = progress.done;
      estimates -= bytes_of(f);
      models::HttpDownload request;
      request.url = source_url(f, options.endpoint);
      request.target = staging / f.local_name;
      request.expected_size = f.exact_size;
      request.sha256 = f.sha256;
      // The token is for the hub only, never for other sources.
      if (f.url.empty()) request.token = options.token;
      request.max_retries = options.max_retries;
      request.retry_delay_ms = options.retry_delay_ms;
      request.status = options.status;
      request.progress = [&](std::int64_t bytes, std::int64_t total) {
        progress.file_done = bytes;
        progress.file_total = total;
        progress.done = before + bytes;
        progress.total = before + (total >= 0 ? total : bytes_of(f)) + estimates;
        if (options.progress) options.progress(progress);
        return !(options.cancelled && options.cancelled());
      };
      if (options.progress) options.progress(progress);  // the file starts
      models::HttpDownloadResult result;
      try {
        result = models::download_file(request);
      } catch (const Error& e) {
        if (f.fallback_content.empty() || !not_found(e)) throw;
        result = install_fallback(f, request.target);
        request.url = "builtin:" + f.local_name;
        if (options.status)
          options.status("warning: " + f.file + " is not in " + f.repo +
                         "; installed the built-in copy of the official " + f.local_name);
      }
      result.sha256_verified =
          result.sha256_verified || verified_before(state, f.local_name, result.sha256);
      state[f.local_name] = {{"sha256", result.sha256}, {"verified", result.sha256_verified}};
      write_state(staging, state);
      progress.done = before + result.size;
      progress.total = progress.done + estimates;
      progress.file_done = result.size;
      progress.file_total = result.size;
      if (options.progress) options.progress(progress);
      ++progress.index;
      ManifestFile mf;
      mf.name = f.local_name;
      mf.size = result.size;
      mf.sha256 = result.sha256;
      mf.sha256_verified = result.sha256_verified;
      mf.source_url = request.url;
      mf.format = format_name(f.format);
      mf.component = component.id;
      done.push_back(std::move(mf));
    }
  }
  fs::remove(staging / kStateFile, ec);
  finish_install_folder(staging, entry, done, "download", options.status);
  fs::remove_all(target, ec);
  fs::rename(staging, target, ec);
  if (ec)
    throw Error(ErrorKind::Output, "cannot rename " + staging.string() + " to " + target.string() +
                                       ": " + ec.message());
  return target;
}

}  // namespace drs
