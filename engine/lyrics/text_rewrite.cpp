#include "lyrics/text_rewrite.h"

namespace drs::lyrics {

std::u32string replace_all(std::u32string_view text, std::u32string_view from,
                           std::u32string_view to) {
  return substitute(
      text,
      [from](std::u32string_view s, std::size_t i) {
        return s.substr(i, from.size()) == from ? from.size() : 0;
      },
      [to](std::u32string_view) { return std::u32string(to); });
}

}  // namespace drs::lyrics
