// Generated Unicode property tables (see tools/gen_unicode_tables.py). They freeze the
// classes of the Python 3.11 that produced the reference, so results do not depend on
// the C library's locale or Unicode version.
#pragma once

#include <cstdint>
#include <span>

namespace drs::lyrics::tables {

struct CodeRange {
  char32_t first;
  char32_t last;
};

struct DigitRun {
  char32_t first;
  char32_t last;
  int first_value;  // decimal value of `first`; the run counts up by one per code point
};

std::span<const CodeRange> word_ranges();   // str.isalnum() or '_' (Python regex \w)
std::span<const CodeRange> space_ranges();  // str.isspace()
std::span<const DigitRun> decimal_runs();   // unicodedata.decimal()

}  // namespace drs::lyrics::tables
