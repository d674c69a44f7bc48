#include "models/model_import.h"

#include <algorithm>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "drs/model_set.h"
#include "models/checkpoint_conversion.h"
#include "models/dit_tensor_spec.h"
#include "models/mulan_tensor_spec.h"
#include "models/safetensors_header.h"
#include "models/sha256.h"

namespace drs {
namespace fs = std::filesystem;
namespace {

constexpr int kBaseMaxFrames = 2048;  // 95 s
constexpr int kFullMaxFrames = 6144;  // up to 285 s

std::string cache_folder_name(std::string repo) {
  std::replace(repo.begin(), repo.end(), '/', '\n');
  std::string out = "models--";
  for (const char c : repo) out += c == '\n' ? std::string("--") : std::string(1, c);
  return out;
}

// A hub cache repo folder -> the snapshot refs/main names, else the newest one.
std::optional<fs::path> snapshot_of(const fs::path& cache_repo) {
  const fs::path snapshots = cache_repo / "snapshots";
  std::error_code ec;
  if (!fs::is_directory(snapshots, ec)) return std::nullopt;
  std::ifstream ref(cache_repo / "refs" / "main");
  std::string commit;
  if (ref && std::getline(ref, commit)) {
    while (!commit.empty() && std::isspace(static_cast<unsigned char>(commit.back())))
      commit.pop_back();
    if (is_safe_relative_name(commit) && commit.find('/') == std::string::npos &&
        fs::is_directory(snapshots / commit, ec))
      return snapshots / commit;
  }
  std::optional<fs::path> newest;
  fs::file_time_type newest_time{};
  for (const auto& entry : fs::directory_iterator(snapshots, ec)) {
    if (!entry.is_directory(ec)) continue;
    const auto time = entry.last_write_time(ec);
    if (!newest || time > newest_time) {
      newest = entry.path();
      newest_time = time;
    }
  }
  return newest;
}

bool has_zip_magic(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

int count_same_name(const CatalogSet& set, const std::string& name) {
  const auto files = set.files();
  return static_cast<int>(std::count_if(files.begin(), files.end(),
                                        [&](const CatalogFile& f) { return f.file == name; }));
}

// Where `f` is under `folder`: the hub-cache layout first, then flat names.
ImportItem locate(const fs::path& folder, const CatalogSet& set, const CatalogComponent& component,
                  const CatalogFile& f) {
  ImportItem item{f, component.id, {}, false, {}, {}};
  std::vector<fs::path> dirs;
  if (!f.repo.empty())
    if (auto snapshot = find_repo_snapshot(folder, f.repo)) dirs.push_back(*snapshot);
  dirs.push_back(folder);
  for (const fs::path& dir : dirs) {
    const bool in_snapshot = dir != folder;
    if (!f.converted_name.empty() && is_file(dir / f.converted_name)) {
      item.source = dir / f.converted_name;
      item.already_converted = true;
      return item;
    }
    std::vector<std::string> names{f.local_name};
    // A plain name like config.json only identifies the file inside its repo's snapshot.
    if (in_snapshot || count_same_name(set, f.file) == 1) names.insert(names.begin(), f.file);
    for (const std::string& name : names) {
      if (is_file(dir / name)) {
        item.source = dir / name;
        return item;
      }
    }
  }
  return item;
}

std::string check_item(ImportItem& item) {
  const CatalogFile& f = item.file;
  const std::string shown = item.source.filename().string();
  const FileFormat format = item.already_converted ? FileFormat::Safetensors : f.format;
  if (std::string problem = check_file_format(item.source, format); !problem.empty())
    return problem;
  std::error_code ec;
  const auto size = static_cast<std::int64_t>(fs::file_size(item.source, ec));
  if (!item.already_converted && f.exact_size >= 0 && size != f.exact_size)
    return shown + " has " + std::to_string(size) + " bytes, expected " +
           std::to_string(f.exact_size);
  try {
    item.sha256 = models::sha256_file(item.source);
  } catch (const Error& e) {
    return e.what();
  }
  if (!item.already_converted && !f.sha256.empty() && f.sha256 != item.sha256)
    return shown + ": SHA-256 " + item.sha256 + " does not match the published digest " + f.sha256;
  return {};
}

// Hard link (instant, no extra space) when on the same file system, else a copy.
void place_file(const fs::path& source, const fs::path& target) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  const fs::path from = fs::canonical(source, ec);
  fs::create_hard_link(from, target, ec);
  if (!ec) return;
  fs::copy_file(from, target, fs::copy_options::overwrite_existing, ec);
  if (ec)
    throw Error(ErrorKind::Output,
                "cannot copy " + source.string() + " to " + target.string() + ": " + ec.message());
}

bool is_dit(const CatalogFile& f) {
  return f.tensor_spec == TensorSpec::DitBase || f.tensor_spec == TensorSpec::DitFull;
}

// The DiT configuration the layout of `f`'s weights derives from: the config file in
// `folder`, nullopt when `f` has no known layout or the file is absent.
std::optional<DitConfig> folder_dit_config(const CatalogFile& f, const fs::path& folder) {
  const fs::path config = folder / f.config_name;
  if (!is_dit(f) || f.config_name.empty() || !is_file(config)) return std::nullopt;
  return models::read_dit_config(config, f.tensor_spec == TensorSpec::DitFull);
}

// The same from a plan: the config item's file, or the built-in content installed for it.
std::optional<DitConfig> plan_dit_config(const ImportPlan& plan, const CatalogFile& f) {
  if (!is_dit(f)) return std::nullopt;
  const bool full = f.tensor_spec == TensorSpec::DitFull;
  for (const ImportItem& other : plan.items) {
    if (other.file.local_name != f.config_name) continue;
    if (!other.content.empty())
      return models::parse_dit_config(other.content, full, other.file.local_name);
    return models::read_dit_config(other.source, full);
  }
  return std::nullopt;
}

// MuQ-MuLan's text tower configuration of the set being installed in `folder`.
std::optional<StyleEncoderConfig> folder_style_config(const CatalogFile& f,
                                                      const fs::path& folder) {
  if (f.tensor_spec != TensorSpec::MulanText) return std::nullopt;
  return models::read_style_config(folder / ModelSetLayout::kStyleConfig,
                                   folder / ModelSetLayout::kXlmrConfig);
}

// The same from a plan: the files found for those two names.
std::optional<StyleEncoderConfig> plan_style_config(const ImportPlan& plan, const CatalogFile& f) {
  if (f.tensor_spec != TensorSpec::MulanText) return std::nullopt;
  fs::path mulan, xlmr;
  for (const ImportItem& item : plan.items) {
    if (item.file.local_name == ModelSetLayout::kStyleConfig) mulan = item.source;
    if (item.file.local_name == ModelSetLayout::kXlmrConfig) xlmr = item.source;
  }
  if (mulan.empty() || xlmr.empty()) return std::nullopt;
  return models::read_style_config(mulan, xlmr);
}

// Names and shapes of weights whose layout we know, against the set's config.
std::string check_tensor_spec(const CatalogFile& f, const fs::path& weights,
                              const std::optional<DitConfig>& config,
                              const std::optional<StyleEncoderConfig>& style) {
  if (f.tensor_spec == TensorSpec::MulanText) {
    try {
      return models::check_mulan_text_tensors(weights.filename().string(),
                                              models::safetensors_tensor_shapes(weights), style);
    } catch (const Error& e) {
      return e.what();
    }
  }
  if (!is_dit(f)) return {};
  if (!config) return f.local_name + ": its configuration " + f.config_name + " is missing";
  return models::check_dit_weights(weights, *config);
}

std::set<std::string> expected_names(const DitConfig& config) {
  std::set<std::string> names;
  for (const auto& [name, shape] : models::expected_dit_tensors(config)) names.insert(name);
  return names;
}

// Checkpoints may hold entries the model has no place for (a saved rotary `inv_freq`
// buffer, an EMA wrapper's `step` and `initted`): the official loader skips them, as its
// load_state_dict(strict=False) does, and so do we, naming them.
std::string ignored_entries_warning(const std::string& file,
                                    const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  return file + ": ignored " + std::to_string(names.size()) +
         (names.size() == 1 ? " entry" : " entries") +
         " the model does not use (the official loader skips them too): " + list;
}

// Before anything is copied: the checkpoint's state dict is readable under its key (an
// EMA-only file is named as such) and holds every tensor the model needs; extra entries
// are reported as warnings.
void check_checkpoint_names(const ImportItem& item, const DitConfig& config, ImportPlan& plan) {
  try {
    const std::set<std::string> expected = expected_names(config);
    std::vector<std::string> extra;
    std::set<std::string> missing = expected;
    for (const std::string& name :
         models::checkpoint_entry_names(item.source, item.file.checkpoint_key)) {
      if (missing.erase(name) == 0 && !expected.contains(name)) extra.push_back(name);
    }
    if (!extra.empty())
      plan.warnings.push_back(ignored_entries_warning(item.source.filename().string(), extra));
    if (!missing.empty())
      plan.errors.push_back(
          item.source.filename().string() + ": missing tensor \"" + *missing.begin() + "\"" +
          (missing.size() > 1 ? " and " + std::to_string(missing.size() - 1) + " more"
                              : std::string()));
  } catch (const Error& e) {
    plan.errors.push_back(e.what());
  }
}

void convert_one(const fs::path& folder, const CatalogSet& set, ManifestFile& mf,
                 const InstallStatus& status) {
  const CatalogFile* f = find_catalog_file(set, mf.name);
  if (!f || f->converted_name.empty() || mf.name == f->converted_name) return;
  const std::optional<DitConfig> config = folder_dit_config(*f, folder);
  if (status) status("Converting " + mf.name + " to safetensors…");
  try {
    const std::set<std::string> expected =
        config ? expected_names(*config) : std::set<std::string>{};
    models::KeepEntry keep;
    if (config) keep = [&](const std::string& name) { return expected.contains(name); };
    const auto report = models::convert_checkpoint(folder / mf.name, folder / f->converted_name,
                                                   f->checkpoint_key, keep);
    if (!report.skipped.empty() && status)
      status("warning: " + ignored_entries_warning(mf.name, report.skipped));
  } catch (const Error& e) {
    throw Error(e.kind(), "converting " + mf.name + " failed: " + e.what());
  }
  if (std::string problem = check_tensor_spec(*f, folder / f->converted_name, config,
                                              folder_style_config(*f, folder));
      !problem.empty())
    throw Error(ErrorKind::ModelCorrupt, problem);
  std::error_code ec;
  fs::remove(folder / mf.name, ec);  // the converted copy replaces the original
  mf.converted_from = mf.name + " (sha256 " + mf.sha256 + ")";
  mf.name = f->converted_name;
  mf.format = format_name(FileFormat::Safetensors);
  mf.size = static_cast<std::int64_t>(fs::file_size(folder / mf.name));
  mf.sha256 = models::sha256_file(folder / mf.name);
  mf.sha256_verified = false;  // our own output: nothing published to compare with
}

}  // namespace

bool is_safe_relative_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || name.front() == '/') return false;
  for (const char c : name)
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string segment = name.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

fs::path install_folder(const fs::path& store, const std::string& id) {
  if (!is_safe_relative_name(id) || id.find('/') != std::string::npos)
    throw Error(ErrorKind::BadInput, "'" + id + "' is not a model set id");
  return store / id;
}

std::optional<fs::path> find_repo_snapshot(const fs::path& folder, const std::string& repo) {
  const std::string name = cache_folder_name(repo);
  const fs::path dir = folder.lexically_normal();
  const fs::path base = dir.has_filename() ? dir : dir.parent_path();
  if (base.filename() == name) return snapshot_of(base);
  std::error_code ec;
  for (const fs::path& candidate : {base / name, base / "hub" / name})
    if (fs::is_directory(candidate, ec)) return snapshot_of(candidate);
  // Inside a snapshot already: .../models--ORG--NAME/snapshots/<rev>
  if (base.parent_path().filename() == "snapshots" &&
      base.parent_path().parent_path().filename() == name)
    return base;
  return std::nullopt;
}

std::string check_file_format(const fs::path& path, FileFormat format) {
  const std::string shown = path.filename().string();
  switch (format) {
    case FileFormat::Json: {
      std::ifstream in(path);
      if (!in) return shown + ": cannot be read";
      const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
      if (json.is_discarded() || !json.is_object()) return shown + " is not a JSON object";
      return {};
    }
    case FileFormat::Safetensors:
      try {
        if (models::read_safetensors_header(path).tensors.empty())
          return shown + " holds no tensors";
      } catch (const Error& e) {
        return e.what();
      }
      return {};
    case FileFormat::TorchPickle:
    case FileFormat::TorchScript:
      if (!has_zip_magic(path))
        return shown + " is not a PyTorch zip archive (the legacy pickle format is not supported)";
      return {};
    case FileFormat::SentencePiece:
    case FileFormat::Text:
    case FileFormat::Onnx: {
      std::error_code ec;
      if (fs::file_size(path, ec) < 16 || ec) return shown + " is empty or truncated";
      return {};
    }
  }
  return {};
}

ImportPlan plan_import(const fs::path& folder, const CatalogSet& set) {
  ImportPlan plan;
  plan.set_id = set.id;
  plan.source_folder = folder;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    plan.errors.push_back(folder.string() + " is not a folder");
    return plan;
  }
  for (const CatalogComponent& component : set.components) {
    for (const CatalogFile& f : component.files) {
      ImportItem item = locate(folder, set, component, f);
      if (item.source.empty() && !f.fallback_content.empty()) {
        // A small official file the source lacks (the full model's hub repository has no
        // DiT config.json): the catalogue's copy is installed.
        item.content = f.fallback_content;
        models::Sha256 digest;
        digest.update(
            {reinterpret_cast<const std::byte*>(item.content.data()), item.content.size()});
        item.sha256 = digest.hex_digest();
        plan.warnings.push_back(f.local_name + ": " + f.file + " of " + f.repo + " is not in " +
                                folder.string() + "; the built-in copy of the official " +
                                f.local_name + " is installed");
        plan.items.push_back(std::move(item));
        continue;
      }
      if (item.source.empty()) {
        plan.errors.push_back("missing " + f.local_name + " (" + f.file + " from " +
                              (f.repo.empty() ? f.url : f.repo) + ")");
        continue;
      }
      if (std::string problem = check_item(item); !problem.empty()) {
        plan.errors.push_back(problem);
        continue;
      }
      if (f.sha256.empty() && !item.already_converted)
        plan.warnings.push_back(f.local_name +
                                ": no published SHA-256 to compare with; recorded as found");
      plan.items.push_back(std::move(item));
    }
  }
  // Names and shapes checked now, before anything is copied: the MuLan text path's
  // (checkpoint or safetensors), the DiT's (names in a checkpoint, shapes in safetensors).
  for (const ImportItem& item : plan.items) {
    if (item.file.tensor_spec == TensorSpec::None) continue;
    try {
      const std::optional<DitConfig> config = plan_dit_config(plan, item.file);
      const std::optional<StyleEncoderConfig> style = plan_style_config(plan, item.file);
      if (item.file.tensor_spec == TensorSpec::MulanText && !item.already_converted) {
        if (std::string problem = models::check_mulan_text_tensors(
                item.source.filename().string(),
                models::checkpoint_entry_shapes(item.source, item.file.checkpoint_key), style);
            !problem.empty())
          plan.errors.push_back(problem);
      } else if (!item.already_converted) {
        if (config) check_checkpoint_names(item, *config, plan);
      } else if (std::string problem = check_tensor_spec(item.file, item.source, config, style);
                 !problem.empty()) {
        plan.errors.push_back(problem);
      }
    } catch (const Error& e) {
      plan.errors.push_back(e.what());
    }
  }
  return plan;
}

void finish_install_folder(const fs::path& folder, const CatalogSet& set,
                           std::vector<ManifestFile>& files, const std::string& source,
                           const InstallStatus& status) {
  for (ManifestFile& mf : files) convert_one(folder, set, mf, status);
  Manifest manifest;
  manifest.id = set.id;
  manifest.name = set.title;
  manifest.description = set.description;
  manifest.is_component = set.is_component;
  manifest.source = source;
  manifest.installed = utc_timestamp_now();
  manifest.files = files;
  manifest.licences = licences_of(set);
  for (const CatalogFile& f : set.files()) {
    if (f.tensor_spec == TensorSpec::DitFull) manifest.max_frames = kFullMaxFrames;
    if (f.tensor_spec == TensorSpec::DitBase) manifest.max_frames = kBaseMaxFrames;
  }
  write_manifest(folder / ModelSetLayout::kManifest, manifest);
}

fs::path execute_import(const ImportPlan& plan, const CatalogSet& set, const fs::path& store,
                        const InstallStatus& status) {
  if (!plan.ok()) {
    std::string all;
    for (const std::string& e : plan.errors) all += (all.empty() ? "" : "\n") + e;
    throw Error(ErrorKind::ModelCorrupt, all);
  }
  if (set.id != plan.set_id)
    throw Error(ErrorKind::BadInput, "the plan is for '" + plan.set_id + "', not '" + set.id + "'");
  const fs::path target = install_folder(store, set.id);
  // Built beside the final folder and renamed at the end: an interrupted import never
  // looks installed.
  const fs::path staging = target.string() + ".importing";
  std::error_code ec;
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) throw Error(ErrorKind::Output, "cannot create " + staging.string() + ": " + ec.message());
  try {
    std::vector<ManifestFile> files;
    for (const ImportItem& item : plan.items) {
      const std::string name =
          item.already_converted ? item.file.converted_name : item.file.local_name;
      if (!is_safe_relative_name(name))
        throw Error(ErrorKind::ModelCorrupt, "unsafe file name " + name);
      if (status) status("Placing " + name + "…");
      if (item.content.empty()) {
        place_file(item.source, staging / name);
      } else {
        fs::create_directories((staging / name).parent_path(), ec);
        std::ofstream(staging / name, std::ios::binary) << item.content;
      }
      ManifestFile mf;
      mf.name = name;
      mf.size = static_cast<std::int64_t>(fs::file_size(staging / name));
      mf.sha256 = item.sha256;
      mf.sha256_verified = !item.file.sha256.empty() && !item.already_converted;
      mf.format = format_name(item.already_converted ? FileFormat::Safetensors : item.file.format);
      mf.component = item.component_id;
      mf.source_url =
          item.content.empty() ? "file://" + fs::absolute(item.source).string() : "builtin:" + name;
      files.push_back(std::move(mf));
    }
    finish_install_folder(staging, set, files, "import", status);
    fs::remove_all(target, ec);
    fs::rename(staging, target);
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  return target;
}

}  // namespace drs
