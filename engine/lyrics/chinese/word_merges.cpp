#include "lyrics/chinese/word_merges.h"

namespace drs::lyrics::zh {
namespace {

const std::u32string kYi = U"一";
const std::u32string kBu = U"不";
const std::u32string kEr = U"儿";

// Pass 1: X 一 X -> X一X. The merged word is written at the input index i-1 of the
// output, which only exists while nothing was merged before in the run; otherwise 一 and
// the second X are kept apart.
Words merge_reduplication(const Words& seg) {
  Words out;
  for (std::size_t i = 0; i < seg.size(); ++i) {
    const bool between_equals =
        i >= 1 && i + 1 < seg.size() && seg[i] == kYi && seg[i - 1] == seg[i + 1];
    if (!between_equals) {
      out.push_back(seg[i]);
      continue;
    }
    if (i - 1 < out.size()) {
      out[i - 1] = out[i - 1] + kYi + out[i - 1];
    } else {
      out.push_back(seg[i]);
      out.push_back(seg[i + 1]);
    }
    ++i;  // the second X is consumed
  }
  return out;
}

}  // namespace

Words merge_yi(const Words& words) {
  Words out;
  for (const auto& word : merge_reduplication(words)) {
    if (!out.empty() && out.back() == kYi) {
      out.back() += word;
    } else {
      out.push_back(word);
    }
  }
  return out;
}

Words merge_bu(const Words& words) {
  Words out;
  std::u32string last;
  for (const auto& word : words) {
    if (word != kBu) out.push_back(last == kBu ? kBu + word : word);
    last = word;
  }
  return out;
}

Words merge_er(const Words& words) {
  Words out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i >= 1 && words[i] == kEr) {
      out.back() += kEr;
    } else {
      out.push_back(words[i]);
    }
  }
  return out;
}

}  // namespace drs::lyrics::zh
