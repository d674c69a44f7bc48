#include "models_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cancel_on_signal.h"
#include "drs/error.h"
#include "drs/model_catalog.h"
#include "drs/model_download.h"
#include "drs/model_install.h"
#include "drs/model_store.h"

namespace drs::cli {
namespace {

namespace fs = std::filesystem;

std::string size_text(std::uintmax_t bytes) {
  char text[32];
  if (bytes >= 1'000'000'000)
    std::snprintf(text, sizeof text, "%.2f GB", static_cast<double>(bytes) / 1e9);
  else if (bytes >= 1'000'000)
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  else
    std::snprintf(text, sizeof text, "%.1f kB", static_cast<double>(bytes) / 1e3);
  return text;
}

int list(const fs::path& store) {
  const auto sets = list_installed_sets(store);
  if (sets.empty()) {
    std::printf("no model set installed in %s\n", store.c_str());
    if (auto fallback = default_model_dir()) std::printf("generate uses: %s\n", fallback->c_str());
    return kOk;
  }
  for (const auto& s : sets) {
    std::printf("%s%s\t%s\t%s\t%s\n", s.set.id.c_str(), s.is_default ? " (default)" : "",
                s.set.name.c_str(), size_text(s.bytes).c_str(), s.set.dir.c_str());
    for (const auto& licence : s.licences) std::printf("    licence %s\n", licence.c_str());
  }
  return kOk;
}

fs::path set_folder(const Options& opt, const fs::path& store) {
  if (opt.models_argument.empty()) {
    if (auto dir = default_model_dir()) return *dir;
    throw Error(ErrorKind::ModelMissing, "no model set installed; name one: models verify SET");
  }
  const fs::path named = opt.models_argument;
  std::error_code ec;
  return fs::is_directory(store / named, ec) ? store / named : named;
}

int verify(const Options& opt, const fs::path& store) {
  const auto dir = set_folder(opt, store);
  const auto checks = verify_model_set(dir, [&](const std::string& name, std::uintmax_t done) {
    if (!opt.quiet)
      std::fprintf(stderr, "\rhashing %s  %s   ", name.c_str(), size_text(done).c_str());
  });
  if (!opt.quiet) std::fprintf(stderr, "\r%*s\r", 60, "");
  int bad = 0;
  for (const auto& c : checks) {
    if (c.problem.empty())
      std::printf("ok       %s  %s  sha256 %s%s\n", c.name.c_str(),
                  size_text(c.actual_size).c_str(),
                  c.actual_sha256.empty() ? "(none recorded)" : c.actual_sha256.c_str(),
                  c.digest_published ? " (published)" : "");
    else
      std::printf("FAILED   %s: %s\n", c.name.c_str(), c.problem.c_str());
    bad += !c.problem.empty();
  }
  if (checks.empty())
    std::printf("%s: the manifest lists no files to verify (e.g. the generated demo set)\n",
                dir.c_str());
  if (bad > 0) {
    std::fprintf(stderr, "error: %d file(s) of %s are not as installed; reinstall the set\n", bad,
                 dir.c_str());
    return kModelError;
  }
  return kOk;
}

void print_progress(const Options& opt, const DownloadProgress& p) {
  if (opt.quiet) return;
  if (opt.json_progress) {
    std::fprintf(stderr,
                 "{\"event\":\"download\",\"file\":\"%s\",\"index\":%d,\"count\":%d,"
                 "\"file_done\":%lld,\"file_total\":%lld,\"done\":%lld,\"total\":%lld}\n",
                 p.file.c_str(), p.index, p.count, static_cast<long long>(p.file_done),
                 static_cast<long long>(p.file_total), static_cast<long long>(p.done),
                 static_cast<long long>(p.total));
    return;
  }
  std::fprintf(
      stderr, "\r[%d/%d] %s  %s / %s   ", p.index + 1, p.count, p.file.c_str(),
      size_text(static_cast<std::uintmax_t>(p.file_done)).c_str(),
      p.file_total < 0 ? "?" : size_text(static_cast<std::uintmax_t>(p.file_total)).c_str());
}

void print_status(const Options& opt, const std::string& line) {
  if (opt.quiet) return;
  if (opt.json_progress)
    std::fprintf(stderr, "{\"event\":\"status\",\"text\":\"%s\"}\n", line.c_str());
  else
    std::fprintf(stderr, "\n%s\n", line.c_str());
}

int download(const Options& opt, const fs::path& store) {
  const CatalogSet* entry = find_catalog_set(opt.models_argument);
  if (entry == nullptr) {
    std::string known;
    for (const auto& s : model_catalog()) known += (known.empty() ? "" : ", ") + s.id;
    throw Error(ErrorKind::BadInput,
                "unknown set or component '" + opt.models_argument + "' (known: " + known + ")");
  }
  if (!opt.quiet && !opt.json_progress)
    for (const auto& c : entry->components)
      std::fprintf(stderr, "%s: licence %s\n", c.title.c_str(), c.licence.name.c_str());
  std::stop_source stop;
  const CancelOnSignal on_signal(stop);
  DownloadOptions options;
  // libcurl reports many times a second: a line at most every 200 ms per file.
  auto last = std::chrono::steady_clock::time_point{};
  std::string last_file;
  options.progress = [&](const DownloadProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (p.file == last_file && now - last < std::chrono::milliseconds(200) &&
        p.file_done != p.file_total)
      return;
    last = now;
    last_file = p.file;
    print_progress(opt, p);
  };
  options.status = [&](const std::string& line) { print_status(opt, line); };
  options.cancelled = [&] { return stop.stop_requested(); };
  const fs::path dir = download_to_store(*entry, store, options);
  if (!opt.quiet && !opt.json_progress) std::fprintf(stderr, "\n");
  std::printf("installed %s in %s\n", entry->id.c_str(), dir.c_str());
  return kOk;
}

fs::path hf_cache_folder(const Options& opt) {
  if (!opt.models_argument.empty()) return opt.models_argument;
  if (const char* hub = std::getenv("HF_HUB_CACHE"); hub && *hub) return hub;
  if (const char* home = std::getenv("HF_HOME"); home && *home) return fs::path(home) / "hub";
  const char* home = std::getenv("HOME");
  return fs::path(home ? home : ".") / ".cache" / "huggingface" / "hub";
}

int import_folder(const Options& opt, const fs::path& store) {
  const fs::path folder = opt.hf_cache ? hf_cache_folder(opt) : fs::path(opt.models_argument);
  std::vector<ImportPlan> failed;
  int installed = 0;
  for (const CatalogSet& entry : model_catalog()) {
    if (!opt.import_set.empty() && entry.id != opt.import_set) continue;
    if (!opt.quiet) std::fprintf(stderr, "checking %s for %s…\n", folder.c_str(), entry.id.c_str());
    ImportPlan plan = plan_import(folder, entry);
    if (!plan.ok()) {
      failed.push_back(std::move(plan));
      continue;
    }
    for (const auto& w : plan.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    const fs::path dir = execute_import(plan, entry, store,
                                        [&](const std::string& line) { print_status(opt, line); });
    std::printf("installed %s in %s\n", entry.id.c_str(), dir.c_str());
    ++installed;
  }
  if (installed > 0) return kOk;
  // Nothing importable: say what the closest candidate lacks.
  const ImportPlan* closest = nullptr;
  for (const auto& plan : failed)
    if (!closest || plan.errors.size() < closest->errors.size()) closest = &plan;
  std::string why;
  if (closest)
    for (const auto& e : closest->errors) why += "\n  " + e;
  throw Error(ErrorKind::ModelMissing,
              folder.string() + " holds no complete set" +
                  (closest ? " (closest: " + closest->set_id + ")" + why : std::string()));
}

}  // namespace

int run_models(const Options& opt) {
  const auto store = opt.store ? *opt.store : default_model_store();
  const auto& sub = opt.models_command;
  if (sub == "where") {
    std::printf("%s\n", store.c_str());
    return kOk;
  }
  if (sub == "list") return list(store);
  if (sub == "verify") return verify(opt, store);
  if (sub == "download") return download(opt, store);
  if (sub == "import") return import_folder(opt, store);
  remove_model_set(store, opt.models_argument);
  std::printf("removed %s\n", (store / opt.models_argument).c_str());
  return kOk;
}

}  // namespace drs::cli
