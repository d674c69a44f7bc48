#include "mulan/config_fields.h"

#include <fstream>

namespace drs {

nlohmann::json read_config_json(const std::filesystem::path& path) {
  // nlohmann reads the stream buffer directly: a folder would escape as std::ios_failure.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorKind::ModelCorrupt, path.string() + ": a folder, not a file");
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::ModelMissing, path.string() + ": not found");
  auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object())
    throw Error(ErrorKind::ModelCorrupt, path.string() + ": not a JSON object");
  return json;
}

const nlohmann::json& config_block(const nlohmann::json& object, const char* key,
                                   const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_object())
    throw Error(ErrorKind::ModelCorrupt, where + ": no '" + key + "' block");
  return *it;
}

}  // namespace drs
