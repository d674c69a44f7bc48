// A left-to-right, non-overlapping "find and replace" with the semantics of Python's
// re.sub for patterns that never match the empty string: the matcher reports the
// length of the match starting at a position (0 = none there).
#pragma once

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>

namespace drs::lyrics {

template <typename Matcher, typename Replacer>
requires std::invocable<Matcher, std::u32string_view, std::size_t> &&
    std::invocable<Replacer, std::u32string_view>
        std::u32string substitute(std::u32string_view text, Matcher match, Replacer replace) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = match(text, i);
    if (length == 0) {
      out.push_back(text[i++]);
      continue;
    }
    out += replace(text.substr(i, length));
    i += length;
  }
  return out;
}

// Every occurrence of `from`, scanning left to right without overlaps (str.replace).
std::u32string replace_all(std::u32string_view text, std::u32string_view from,
                           std::u32string_view to);

}  // namespace drs::lyrics
