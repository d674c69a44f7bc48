#include "lyrics/phone_merges.h"

#include <array>

namespace drs::lyrics {
namespace {

struct Merge {
  std::u32string_view from;
  std::u32string_view to;
};

// In this order; a later rule never re-triggers an earlier one.
constexpr std::array<Merge, 13> kMerges = {{
    {U"t|ɹ", U"tɹ"},
    {U"d|ɹ", U"dɹ"},
    {U"t|s", U"ts"},
    {U"d|z", U"dz"},
    {U"ɪ|ɹ", U"ɪɹ"},
    {U"ɐ", U"ɚ"},
    {U"ᵻ", U"ɪ"},
    {U"əl", U"l"},
    {U"x", U"k"},
    {U"ɬ", U"l"},
    {U"ʔ", U"t"},
    {U"n̩", U"n"},
    {U"oː|ɹ", U"oːɹ"},
}};

bool is_delimiter(char32_t c) {
  return c == U'|' || c == U'_';
}

// One left-to-right pass of whole-token replacements; returns whether anything changed.
bool merge_pass(std::u32string& phones, const Merge& merge) {
  std::u32string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < phones.size()) {
    const bool starts_token = i == 0 || is_delimiter(phones[i - 1]);
    const std::size_t end = i + merge.from.size();
    if (starts_token && phones.compare(i, merge.from.size(), merge.from) == 0 &&
        (end == phones.size() || is_delimiter(phones[end]))) {
      out += merge.to;
      i = end;
      changed = true;
    } else {
      out.push_back(phones[i++]);
    }
  }
  phones = std::move(out);
  return changed;
}

}  // namespace

std::u32string apply_phone_merges(std::u32string_view phones) {
  std::u32string out(phones);
  for (const auto& merge : kMerges)
    while (merge_pass(out, merge)) {
    }
  return out;
}

}  // namespace drs::lyrics
