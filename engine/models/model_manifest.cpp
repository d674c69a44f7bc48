#include "drs/model_manifest.h"

#include <ctime>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "drs/error.h"

namespace drs {
namespace {

using nlohmann::json;

// A field of the expected type, the fallback when absent; anything else is corrupt.
template <typename T>
T field(const json& o, const char* key, T fallback, const std::string& where) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return fallback;
  try {
    if constexpr (std::is_same_v<T, std::string>) {
      if (!it->is_string()) throw std::invalid_argument("");
    } else if constexpr (std::is_same_v<T, bool>) {
      if (!it->is_boolean()) throw std::invalid_argument("");
    } else {
      // Older manifests (written through Qt's JSON) may store sizes as integral doubles.
      if (it->is_number_float() &&
          it->get<double>() == static_cast<double>(static_cast<T>(it->get<double>())))
        return static_cast<T>(it->get<double>());
      if (!it->is_number_integer() && !it->is_number_unsigned()) throw std::invalid_argument("");
    }
    return it->get<T>();
  } catch (const std::exception&) {
    throw Error(ErrorKind::ModelCorrupt, where + ": \"" + key + "\" has the wrong type");
  }
}

ManifestFile file_from_json(const json& o, const std::string& where) {
  if (!o.is_object())
    throw Error(ErrorKind::ModelCorrupt, where + ": a file entry is not an object");
  ManifestFile f;
  f.name = field<std::string>(o, "name", "", where);
  f.size = field<std::int64_t>(o, "size", 0, where);
  f.sha256 = field<std::string>(o, "sha256", "", where);
  f.sha256_verified = field<bool>(o, "sha256_verified", false, where);
  f.source_url = field<std::string>(o, "source_url", "", where);
  f.format = field<std::string>(o, "format", "", where);
  f.component = field<std::string>(o, "component", "", where);
  f.converted_from = field<std::string>(o, "converted_from", "", where);
  return f;
}

ManifestLicence licence_from_json(const json& o, const std::string& where) {
  if (!o.is_object())
    throw Error(ErrorKind::ModelCorrupt, where + ": a licence entry is not an object");
  return {field<std::string>(o, "component", "", where), field<std::string>(o, "title", "", where),
          field<std::string>(o, "licence", "", where), field<std::string>(o, "url", "", where),
          field<std::string>(o, "note", "", where)};
}

json to_json(const ManifestFile& f) {
  json o{{"name", f.name},     {"size", f.size},
         {"sha256", f.sha256}, {"sha256_verified", f.sha256_verified},
         {"format", f.format}, {"component", f.component}};
  if (!f.source_url.empty()) o["source_url"] = f.source_url;
  if (!f.converted_from.empty()) o["converted_from"] = f.converted_from;
  return o;
}

const json& array_field(const json& o, const char* key, const std::string& where) {
  static const json empty = json::array();
  const auto it = o.find(key);
  if (it == o.end()) return empty;
  if (!it->is_array())
    throw Error(ErrorKind::ModelCorrupt, where + ": \"" + key + "\" is not a list");
  return *it;
}

}  // namespace

Manifest read_manifest(const std::filesystem::path& path) {
  // Only a regular file is parsed: nlohmann reads the stream buffer directly, so reading
  // a folder would escape as std::ios_failure instead of a drs::Error.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorKind::ModelCorrupt, path.string() + ": a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::ModelMissing, path.string() + ": not found");
  const auto o = json::parse(in, nullptr, /*allow_exceptions=*/false);
  const std::string where = path.string();
  if (o.is_discarded() || !o.is_object())
    throw Error(ErrorKind::ModelCorrupt, where + ": not a JSON object");
  Manifest m;
  m.id = field<std::string>(o, "id", "", where);
  m.name = field<std::string>(o, "name", m.id, where);
  m.description = field<std::string>(o, "description", "", where);
  m.is_demo = field<bool>(o, "is_demo", false, where) || field<bool>(o, "demo", false, where);
  m.is_component = field<bool>(o, "is_component", false, where);
  m.max_frames = field<int>(o, "max_frames", 0, where);
  m.source = field<std::string>(o, "source", "", where);
  m.installed = field<std::string>(o, "installed", "", where);
  for (const auto& f : array_field(o, "files", where)) m.files.push_back(file_from_json(f, where));
  for (const auto& l : array_field(o, "licences", where))
    m.licences.push_back(licence_from_json(l, where));
  return m;
}

void write_manifest(const std::filesystem::path& path, const Manifest& m) {
  json files = json::array();
  for (const ManifestFile& f : m.files) files.push_back(to_json(f));
  json licences = json::array();
  for (const ManifestLicence& l : m.licences)
    licences.push_back({{"component", l.component},
                        {"title", l.title},
                        {"licence", l.name},
                        {"url", l.url},
                        {"note", l.note}});
  json o{{"format", "drs-model-set"},
         {"version", 1},
         {"id", m.id},
         {"name", m.name},
         {"description", m.description},
         {"is_demo", m.is_demo},
         {"source", m.source},
         {"installed", m.installed},
         {"files", files},
         {"licences", licences}};
  if (m.is_component) o["is_component"] = true;
  if (m.max_frames > 0) o["max_frames"] = m.max_frames;
  const std::string text = o.dump(4) + "\n";
  AtomicFile file(path);
  file.write(text.data(), text.size());
  file.commit();
}

std::vector<ManifestLicence> licences_of(const CatalogSet& set) {
  std::vector<ManifestLicence> out;
  for (const CatalogComponent& c : set.components)
    out.push_back({c.id, c.title, c.licence.name, c.licence.url, c.licence.note});
  return out;
}

std::string utc_timestamp_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace drs
