#include "lyrics/punctuation_split.h"

#include "lyrics/char_class.h"

namespace drs::lyrics {

std::vector<TextPiece> split_punctuation(std::u32string_view cleaned) {
  std::vector<TextPiece> pieces;
  std::size_t i = 0;
  while (i < cleaned.size()) {
    const bool marks = is_mark(cleaned[i]);
    std::size_t end = i;
    while (end < cleaned.size() && is_mark(cleaned[end]) == marks) ++end;
    pieces.push_back({std::u32string(cleaned.substr(i, end - i)), marks});
    i = end;
  }
  return pieces;
}

}  // namespace drs::lyrics
