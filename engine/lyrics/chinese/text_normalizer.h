#pragma once
// The Chinese run after its numbers are read (g2p_zh README §4.3): Chinese punctuation to
// the eight ASCII marks, whitespace removed, and everything but U+4E00-U+9FFF, '_' and
// the marks , . ? ! ; : ' … deleted. The result is what jieba and the polyphone model see.

#include <string>
#include <string_view>

namespace drs::lyrics::zh {

std::u32string normalize_chinese(std::u32string_view text);

// U+4E00-U+9FFF: the range the normaliser keeps and the bopomofo writer calls Chinese.
inline bool is_cjk_unified(char32_t c) {
  return c >= 0x4E00 && c <= 0x9FFF;
}

}  // namespace drs::lyrics::zh
