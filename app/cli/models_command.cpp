#include "models_command.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "drs/error.h"
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
  remove_model_set(store, opt.models_argument);
  std::printf("removed %s\n", (store / opt.models_argument).c_str());
  return kOk;
}

}  // namespace drs::cli
