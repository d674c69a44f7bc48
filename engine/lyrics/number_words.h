// English number wording exactly as the reference G2P produces it (inflect 7.5.0 as
// called by Amphion's english.py). Numbers are ASCII digit strings so any length works
// like Python's big integers; spelling stops at 10^36 like inflect.
#pragma once

#include <string>
#include <string_view>

namespace drs::lyrics {

// "007" -> "7", "" or "000" -> "0".
std::string canonical_digits(std::string_view digits);

// inflect number_to_words(n, andword=...): "three thousand, four hundred fifty-six".
// Throws drs::Error(BadInput) for n >= 10^36 (the reference raises there too).
std::string number_words(std::string_view digits, std::string_view andword);

// inflect ordinal() applied to a spelled number: "twenty-one" -> "twenty-first".
std::string ordinal_words(std::string words);

// The reference's final number pass: years 1001-2999 read in pairs ("nineteen oh
// five"), everything else number_words(n, "").
std::string cardinal_or_year(std::string_view digits);

}  // namespace drs::lyrics
