// phonemizer's preserve_punctuation split: the cleaned text alternates text chunks
// (each phonemised on its own) and runs of the eight marks (re-inserted verbatim).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace drs::lyrics {

struct TextPiece {
  std::u32string text;
  bool is_marks = false;  // a maximal run of , . ? ! ; : ' …
};

std::vector<TextPiece> split_punctuation(std::u32string_view cleaned);

}  // namespace drs::lyrics
