// Amphion's phone merges (special_map): whole '|'/'_'-delimited tokens are rewritten,
// e.g. "t|ɹ" -> "tɹ", "ɐ" -> "ɚ", so espeak's phones match the vocabulary.
#pragma once

#include <string>
#include <string_view>

namespace drs::lyrics {

std::u32string apply_phone_merges(std::u32string_view phones);

}  // namespace drs::lyrics
