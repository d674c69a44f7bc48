#pragma once
// The three merges the official front end applies to jieba's words before the tone
// rules (g2p_zh README §4.4), with their quirks: only the first "X一X" of a run merges
// when jieba split it, a lone 一 joins the next word, a 不 joins the next word or is
// dropped when nothing (or another 不) follows, and 儿 joins the word before.

#include <string>
#include <vector>

namespace drs::lyrics::zh {

using Words = std::vector<std::u32string>;

Words merge_yi(const Words& words);
Words merge_bu(const Words& words);
Words merge_er(const Words& words);

}  // namespace drs::lyrics::zh
