#include "core/blas_core_state.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <vector>

namespace drs {
namespace {

constexpr std::array<std::string_view, 5> kPhases{"none", "simulated", "trial", "selected", "kept"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
  return parts;
}

double number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end != text.c_str() ? value : 0;
}

std::string sanitized(std::string text) {
  for (auto& c : text)
    if (c == ';') c = ',';
  return text;
}

}  // namespace

BlasCoreState BlasCoreState::parse(const std::string& text) {
  auto f = split(text, ';');
  BlasCoreState s;
  if (f.size() < 6 || f.size() > 7) return s;
  f.resize(7);  // getline drops an empty last field (no reason given)
  for (std::size_t i = 0; i < kPhases.size(); ++i)
    if (kPhases[i] == f[0]) s.phase = static_cast<Phase>(i);
  s.library_core = f[1];
  s.simulated = f[2] == "1";
  s.candidate = f[3];
  s.gflops_library = number(f[4]);
  s.gflops_candidate = number(f[5]);
  s.reason = f[6];
  return s;
}

std::string BlasCoreState::serialize() const {
  char rates[64];
  std::snprintf(rates, sizeof rates, "%.2f;%.2f", gflops_library, gflops_candidate);
  return std::string(kPhases[static_cast<std::size_t>(phase)]) + ';' + sanitized(library_core) +
         ';' + (simulated ? "1" : "0") + ';' + sanitized(candidate) + ';' + rates + ';' +
         sanitized(reason);
}

BlasCoreState BlasCoreState::from_environment() {
  const char* text = std::getenv(kBlasCoreStateVariable);
  return text ? parse(text) : BlasCoreState{};
}

void BlasCoreState::to_environment() const {
  ::setenv(kBlasCoreStateVariable, serialize().c_str(), 1);
}

}  // namespace drs
