// Golden-fixture discovery: fixtures are found by the `kind` field of their JSON
// sidecar anywhere under DRS_REFERENCE_DIR, never by file name, so other fixture
// sets with the same schemas run through the same test binaries.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace drs::test {

// $DRS_REFERENCE_DIR, else the build-time default (../shared/reference).
std::filesystem::path reference_dir();

// $DRS_TEST_DEVICE ("cpu", "cuda", "cuda:1" ...), else "cpu": where the golden tests run
// the networks (references are always compared on the CPU).
std::string test_device();

struct Fixture {
  std::filesystem::path json_path;
  nlohmann::json json;
  [[nodiscard]] std::filesystem::path dir() const { return json_path.parent_path(); }
  [[nodiscard]] std::string name() const { return json_path.stem().string(); }
};

// Every JSON object file under the reference dir whose "kind" equals `kind`, sorted by path.
std::vector<Fixture> find_fixtures(std::string_view kind);

// max |a - b| and max |b| over two equally long float arrays, for tolerance reports.
struct ErrorStats {
  double max_abs_err = 0;
  double max_abs_ref = 0;
};

}  // namespace drs::test
