#include "support/reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace drs::test {

std::filesystem::path reference_dir() {
  if (const char* env = std::getenv("DRS_REFERENCE_DIR"); env && *env) return env;
  return DRS_DEFAULT_REFERENCE_DIR;
}

std::string test_device() {
  if (const char* env = std::getenv("DRS_TEST_DEVICE"); env && *env) return env;
  return "cpu";
}

std::vector<Fixture> find_fixtures(std::string_view kind) {
  std::vector<Fixture> found;
  const auto root = reference_dir();
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    // A fixture that does not parse (e.g. a bare NaN written by Python) must not vanish
    // from the run unnoticed.
    if (json.is_discarded())
      ADD_FAILURE() << entry.path() << ": not valid JSON (a fixture here would be skipped)";
    if (json.is_object() && json.contains("kind") && json["kind"] == kind)
      found.push_back({entry.path(), std::move(json)});
  }
  std::sort(found.begin(), found.end(),
            [](const Fixture& a, const Fixture& b) { return a.json_path < b.json_path; });
  return found;
}

}  // namespace drs::test
