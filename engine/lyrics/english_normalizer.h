// English text normalisation of the reference G2P (Amphion english.py + TextTokenizer):
// abbreviations, the eight number passes, then character clean-up. The result is the
// string handed to the punctuation split (README "normalized_text").
#pragma once

#include <string>
#include <string_view>

namespace drs::lyrics {

std::u32string expand_abbreviations(std::u32string_view text);
// Throws drs::Error(BadInput) where the reference raises (numbers >= 10^36, "$,5").
std::u32string expand_numbers(std::u32string_view text);
std::u32string clean_characters(std::u32string_view text);

// All three, in the reference order.
std::u32string normalize_english(std::u32string_view text);

// Would clean_characters() delete this character (after the full-width mappings)?
bool is_dropped_character(char32_t c);

}  // namespace drs::lyrics
