#pragma once
// The official tone rules on one word's bopomofo list (g2p_zh README §4.7), in order:
// 3-3-3 (with its quirk of appending ˊ), 3-3, 不, 一, 儿. Indices follow the word's
// characters, as the official code does; an index the list lacks raises there and
// throws std::out_of_range here.

#include <string>
#include <string_view>
#include <vector>

namespace drs::lyrics::zh {

void apply_tone_sandhi(std::u32string_view word, std::vector<std::u32string>& bopomofo);

}  // namespace drs::lyrics::zh
