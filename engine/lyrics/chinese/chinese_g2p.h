#pragma once
// The Chinese front end (g2p_zh README §4): numbers read out, normalisation, jieba
// words and the three merges, lexicon or per-character readings (polyphone model for
// the characters of polychar.txt), tone rules, bopomofo -> phoneme pieces, token ids.
// Data (lexicon, tables) and the polyphone model are loaded on the first Chinese run,
// once; without them a Chinese run fails with a diagnostic that says how to install them.

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lyrics/chinese/chinese_data.h"
#include "lyrics/chinese/polyphone_scorer.h"
#include "lyrics/g2p.h"

namespace drs::lyrics::zh {

using ScorerLoader =
    std::function<std::shared_ptr<const PolyphoneScorer>(const std::filesystem::path& onnx)>;

struct ChineseG2pOptions {
  // The official `g2p/sources/` layout (ChineseDataFiles); empty: not installed.
  std::filesystem::path data_dir;
  // Makes the polyphone scorer from the model file, on first need (a stand-in in
  // tests); empty: the process-wide loader (set_default_scorer_loader).
  ScorerLoader load_scorer;
};

// The polyphone runner for front ends made without one: the engine registers its
// LibTorch ONNX runner (drs::onnx::load_polyphone_scorer) at start-up, so this module
// stays Torch-free. Without one, a line that needs the model fails with a diagnostic.
void set_default_scorer_loader(ScorerLoader loader);

// What one run went through, for tests and diagnosis (names as the fixtures' debug).
struct ChineseRunTrace {
  std::string numbers_read;  // after §4.2
  std::string normalized;    // text_short
  std::vector<std::string> jieba;
  std::vector<std::string> words;  // after the three merges
  std::string bopomofo;
  std::string ipa_raw;
  std::vector<std::int32_t> bert_input_ids;  // empty when the model was not asked
};

// How to get the data, for messages (component name and both ways to install it).
extern const char* const kChineseDataHint;

class ChineseG2p final : public LanguageG2p {
 public:
  explicit ChineseG2p(ChineseG2pOptions options);

  [[nodiscard]] G2pResult convert(std::u32string_view run, int column) const override;
  G2pResult convert(std::u32string_view run, int column, ChineseRunTrace* trace) const;

 private:
  [[nodiscard]] const ChineseData& data(int column) const;
  [[nodiscard]] const PolyphoneScorer& scorer(int column) const;

  ChineseG2pOptions options_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const ChineseData> data_;
  mutable std::shared_ptr<const PolyphoneScorer> scorer_;
};

// The process-wide front end for a data folder (made once per folder, kept for the
// process), used by drs::analyze_lyrics for LyricsOptions::chinese_data_dir.
std::shared_ptr<const ChineseG2p> shared_chinese_front_end(const std::filesystem::path& data_dir);

}  // namespace drs::lyrics::zh
