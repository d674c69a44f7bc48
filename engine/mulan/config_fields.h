// Reading the official JSON config files of both MuQ-MuLan towers: every problem is an
// error naming the file (or block) and the field.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "drs/error.h"

namespace drs {

// Throws drs::Error(ModelMissing) if absent, (ModelCorrupt) unless a JSON object.
nlohmann::json read_config_json(const std::filesystem::path& path);

// object[key] as T: integers must be positive, numbers finite numbers.
template <typename T>
T config_field(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null())
    throw Error(ErrorKind::ModelCorrupt, where + ": missing field '" + key + "'");
  if constexpr (std::is_integral_v<T>) {
    if (!it->is_number_integer() || it->template get<int64_t>() <= 0)
      throw Error(ErrorKind::ModelCorrupt,
                  where + ": field '" + key + "' must be a positive integer");
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string())
      throw Error(ErrorKind::ModelCorrupt, where + ": field '" + key + "' must be a string");
  } else {
    if (!it->is_number())
      throw Error(ErrorKind::ModelCorrupt, where + ": field '" + key + "' must be a number");
  }
  return it->template get<T>();
}

// object[key] as a JSON object; throws drs::Error(ModelCorrupt) naming it otherwise.
const nlohmann::json& config_block(const nlohmann::json& object, const char* key,
                                   const std::string& where);

}  // namespace drs
