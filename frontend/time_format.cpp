#include "frontend/time_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace drs::frontend {

DurationParts split_duration(double seconds) {
  seconds = std::max(0.0, seconds);
  if (seconds < 60)
    return {.unit = DurationParts::Unit::Seconds,
            .major = static_cast<long>(std::ceil(seconds)),
            .minor = 0};
  const auto whole = static_cast<long>(seconds);
  if (seconds < 3600)
    return {.unit = DurationParts::Unit::Minutes, .major = whole / 60, .minor = whole % 60};
  return {.unit = DurationParts::Unit::Hours, .major = whole / 3600, .minor = whole % 3600 / 60};
}

std::string compact_duration(double seconds) {
  if (seconds < 0) return "?";
  const auto parts = split_duration(seconds);
  char buffer[48];
  switch (parts.unit) {
    case DurationParts::Unit::Seconds:
      std::snprintf(buffer, sizeof buffer, "%lds", parts.major);
      break;
    case DurationParts::Unit::Minutes:
      std::snprintf(buffer, sizeof buffer, "%ldm%02lds", parts.major, parts.minor);
      break;
    case DurationParts::Unit::Hours:
      std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", parts.major, parts.minor);
      break;
  }
  return buffer;
}

std::string format_clock(double seconds) {
  const auto total = static_cast<long>(std::max(0.0, std::floor(seconds)));
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  return buffer;
}

}  // namespace drs::frontend
