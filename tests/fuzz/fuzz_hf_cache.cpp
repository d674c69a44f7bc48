// Fuzz target: the folder trees the model library reads, built from the input — a
// Hugging Face cache (models--ORG--NAME/refs/main, snapshots/<rev>/, blobs/ and the
// links between them), a folder of downloaded files, a model store — as records
//   @@d<path>             a folder
//   @@f<path>\n<bytes>    a file (up to the next "\n@@")
//   @@l<path>\n<target>   a symbolic link: relative, leading "../" only, kept in the tree
// then imported (find_repo_snapshot and plan_import for every catalogue entry: formats,
// sizes, hashes, the DiT config.json and tensor shapes) and read as a store
// (read_model_set, preferred_model_set, chinese_lyrics_dir). Only drs::Error may escape;
// whatever is found must be inside the tree, and a plan without errors must hold every
// file of its set.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "drs/error.h"
#include "drs/model_catalog.h"
#include "drs/model_install.h"
#include "drs/model_set.h"
#include "drs/model_store.h"
#include "models/model_import.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxRecords = 48;
constexpr int kMaxDepth = 8;

struct Record {
  char type = 0;
  std::string path;
  std::string_view body;
};

std::vector<Record> split(std::string_view in) {
  std::vector<Record> out;
  std::size_t at = in.starts_with("@@") ? 0 : in.find("\n@@");
  while (at != std::string_view::npos && out.size() < kMaxRecords) {
    const std::size_t begin = in.find("@@", at) + 2;
    const std::size_t next = in.find("\n@@", begin);
    const std::string_view rec =
        in.substr(begin, next == std::string_view::npos ? next : next - begin);
    if (!rec.empty()) {
      const std::size_t eol = rec.find('\n');
      out.push_back({rec[0],
                     std::string(rec.substr(1, eol == std::string_view::npos ? eol : eol - 1)),
                     eol == std::string_view::npos ? std::string_view() : rec.substr(eol + 1)});
    }
    at = next;
  }
  return out;
}

int depth(const std::string& path) {
  return 1 + static_cast<int>(std::count(path.begin(), path.end(), '/'));
}

// True when no folder above `path` in the tree is a link: every entry is then made in a
// real folder, so a link's leading "../" (at most its folder's depth) cannot leave.
bool parents_are_real(const fs::path& root, const std::string& path) {
  std::error_code ec;
  fs::path at = root;
  for (const auto& part : fs::path(path).parent_path()) {
    at /= part;
    if (fs::is_symlink(at, ec)) return false;
  }
  return true;
}

// "../../blobs/x" from a link at depth d: at most d - 1 "../", then a safe name (or none).
bool safe_target(const std::string& link, std::string_view target) {
  int ups = 0;
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    ++ups;
  }
  if (ups > depth(link) - 1) return false;
  return target.empty() ? ups > 0 : drs::is_safe_relative_name(std::string(target));
}

void build(const fs::path& root, const std::vector<Record>& records) {
  std::error_code ec;
  for (const Record& r : records) {
    if (!drs::is_safe_relative_name(r.path) || depth(r.path) > kMaxDepth ||
        !parents_are_real(root, r.path))
      continue;
    const fs::path path = root / r.path;
    if (fs::exists(fs::symlink_status(path, ec))) continue;
    if (r.type == 'd') {
      fs::create_directories(path, ec);
      continue;
    }
    fs::create_directories(path.parent_path(), ec);
    if (r.type == 'f') {
      std::ofstream(path, std::ios::binary)
          .write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
    } else if (r.type == 'l') {
      std::string_view target = r.body.substr(0, r.body.find('\n'));
      if (target.ends_with('/')) target.remove_suffix(1);
      if (safe_target(r.path, target)) fs::create_symlink(std::string(target), path, ec);
    }
  }
}

bool inside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  const auto real = fs::weakly_canonical(p, ec).string();
  const auto base = fs::canonical(root, ec).string();
  return real == base || real.starts_with(base + "/");
}

void import_from(const fs::path& root, const fs::path& folder) {
  for (const drs::CatalogSet& set : drs::model_catalog()) {
    for (const drs::CatalogFile& f : set.files()) {
      if (f.repo.empty()) continue;
      const auto snapshot = drs::find_repo_snapshot(folder, f.repo);
      std::error_code ec;
      if (snapshot && (!fs::is_directory(*snapshot, ec) || !inside(root, *snapshot))) std::abort();
    }
    try {
      const drs::ImportPlan plan = drs::plan_import(folder, set);
      if (plan.set_id != set.id) std::abort();
      for (const auto& item : plan.items) {
        std::error_code ec;
        if (item.source.empty() && !item.content.empty()) continue;  // the catalogue's fallback
        if (!fs::is_regular_file(item.source, ec) || !inside(root, item.source) ||
            item.sha256.size() != 64)
          std::abort();
      }
      if (plan.ok() && plan.items.size() != set.files().size()) std::abort();
    } catch (const drs::Error&) {
    }
  }
}

void read_as_store(const fs::path& folder) {
  try {
    (void)drs::read_model_set(folder);
  } catch (const drs::Error&) {
  }
  try {
    (void)drs::is_complete_model_set(folder);
    (void)drs::preferred_model_set(folder);
    (void)drs::chinese_lyrics_dir(folder);
  } catch (const drs::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const drs::test::TempDir temp("fuzz-hf");
  static const fs::path root = temp / "tree";
  std::error_code ec;
  fs::remove_all(root, ec);  // links are removed, never followed
  fs::create_directories(root, ec);
  const auto records = split(std::string_view(reinterpret_cast<const char*>(data), size));
  build(root, records);
  import_from(root, root);
  read_as_store(root);
  // Also from the first folder named: a cache repo folder, a snapshot, a set folder.
  for (const Record& r : records) {
    if (r.type != 'd' || !drs::is_safe_relative_name(r.path) ||
        !fs::is_directory(fs::symlink_status(root / r.path, ec)))
      continue;
    import_from(root, root / r.path);
    read_as_store(root / r.path);
    break;
  }
  return 0;
}
