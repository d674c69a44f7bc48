// XLM-RoBERTa's tokenizer as Hugging Face wraps SentencePiece: <s> = 0, each piece id
// + 1 (SentencePiece's <unk> 0 becomes 3), </s> = 2; one prompt, no padding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "mulan/sentencepiece_model.h"

namespace drs {

class XlmrTokenizer {
 public:
  static constexpr int64_t kBos = 0, kPad = 1, kEos = 2, kUnk = 3;

  explicit XlmrTokenizer(SentencePieceModel model) : model_(std::move(model)) {}
  static XlmrTokenizer load(const std::filesystem::path& path) {
    return XlmrTokenizer(SentencePieceModel::load(path));
  }

  // At most `max_tokens` ids including <s> and </s>; *truncated tells whether pieces
  // were dropped (the official code would crash past the position table instead).
  [[nodiscard]] std::vector<int64_t> encode(std::string_view text, std::size_t max_tokens,
                                            bool* truncated = nullptr) const;

 private:
  SentencePieceModel model_;
};

}  // namespace drs
