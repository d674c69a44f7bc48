// Durations and clock times as the front ends show them. One rounding rule for
// durations (split_duration): the GUI words the parts in the user's language, the CLI
// prints them compactly; positions in a song are m:ss everywhere.
#pragma once

#include <string>

namespace drs::frontend {

struct DurationParts {
  enum class Unit { Seconds, Minutes, Hours };
  Unit unit = Unit::Seconds;
  long major = 0;  // seconds (rounded up), minutes or hours
  long minor = 0;  // the seconds of a minute, the minutes of an hour; 0 for Seconds
};

// Under a minute: whole seconds rounded up (a wait of 0.2 s is "1 s", never "0 s");
// under an hour: minutes and seconds; else hours and minutes (both truncated).
DurationParts split_duration(double seconds);

// "45s", "3m05s", "1h02m"; "?" for a negative (unknown) duration.
std::string compact_duration(double seconds);

// A position in a song: "m:ss", floored; negative clamps to 0.
std::string format_clock(double seconds);

}  // namespace drs::frontend
