#pragma once
// Word segmentation exactly as jieba 0.42.1's accurate mode with the HMM on
// (`jieba.lcut(text, cut_all=False, HMM=True)`): blocks of
// [U+4E00-U+9FD5 a-z A-Z 0-9 + # & . _ % -] go through the prefix-dictionary DAG and the
// maximum-probability route, runs of single characters the dictionary does not know
// as a whole are re-cut by the B/M/E/S Viterbi; other characters come out one by one
// (whitespace as itself, "\r\n" as one piece).

#include <string>
#include <string_view>
#include <vector>

#include "lyrics/chinese/jieba_model.h"

namespace drs::lyrics::zh {

class JiebaSegmenter {
 public:
  // The embedded jieba data (parsed on first use of instance()).
  JiebaSegmenter() : model_(JiebaModel::instance()) {}
  explicit JiebaSegmenter(const JiebaModel& model) : model_(model) {}

  [[nodiscard]] std::vector<std::u32string> cut(std::u32string_view text) const;

 private:
  void cut_block(std::u32string_view block, std::vector<std::u32string>& out) const;
  void cut_unknown(std::u32string_view buf, std::vector<std::u32string>& out) const;
  void flush(std::u32string_view buf, std::vector<std::u32string>& out) const;

  const JiebaModel& model_;
};

// finalseg's Viterbi over one run of U+4E00-U+9FD5 characters (exposed for tests).
std::vector<std::u32string> hmm_cut_han(const JiebaModel& model, std::u32string_view han);

}  // namespace drs::lyrics::zh
