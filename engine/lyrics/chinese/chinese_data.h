#pragma once
// The official Chinese data folder (DiffRhythm's `g2p/sources/` layout): the lexicon,
// the pinyin -> bopomofo table and the polyphone model's vocabulary, character set and
// class readings. The ONNX model itself is only located here (it is run elsewhere).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace drs::lyrics::zh {

// Paths inside a data folder (official names).
struct ChineseDataFiles {
  static constexpr std::string_view kLexicon = "chinese_lexicon.txt";
  static constexpr std::string_view kPinyinTable = "pinyin_2_bpmf.txt";
  static constexpr std::string_view kModelDir = "g2p_chinese_model";
  static constexpr std::string_view kModel = "g2p_chinese_model/poly_bert_model.onnx";
  static constexpr std::string_view kVocab = "g2p_chinese_model/vocab.txt";
  static constexpr std::string_view kPolyChars = "g2p_chinese_model/polychar.txt";
  static constexpr std::string_view kPolyDict = "g2p_chinese_model/polydict.json";
};

// The files a data folder lacks (empty: complete).
std::vector<std::string> missing_chinese_data(const std::filesystem::path& dir);

class ChineseData {
 public:
  // Reads every file but the model; throws drs::Error (ModelMissing / ModelCorrupt)
  // naming the file and line.
  explicit ChineseData(const std::filesystem::path& dir);

  // One instance per folder for the whole process, kept while someone holds it, so the
  // lexicon is read once however many front ends are made.
  static std::shared_ptr<const ChineseData> shared(const std::filesystem::path& dir);

  ChineseData(const ChineseData&) = delete;  // the lexicon map views into its own text
  ChineseData& operator=(const ChineseData&) = delete;

  // Lexicon entry ("ni3 hao3") of a word (UTF-8).
  [[nodiscard]] std::optional<std::string_view> lexicon(std::string_view word) const;
  // pinyin_2_bpmf.txt: bopomofo of a toneless syllable.
  [[nodiscard]] std::optional<std::string_view> bopomofo(std::string_view syllable) const;
  [[nodiscard]] bool is_polyphonic(std::u32string_view word) const;
  // vocab.txt id of a character ([UNK] = 100 when absent).
  [[nodiscard]] std::int32_t bert_id(char32_t c) const;
  // polydict.json reading of class `c` (0-based argmax): the pinyin between the braces
  // ("huo2" for "和{huo2}"), nullopt when the class has none.
  [[nodiscard]] std::optional<std::string> class_reading(int c) const;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::filesystem::path model_path() const { return dir_ / ChineseDataFiles::kModel; }
  [[nodiscard]] std::size_t lexicon_size() const { return lexicon_.size(); }

 private:
  std::filesystem::path dir_;
  std::string lexicon_text_;  // the file, owned: the map views into it
  std::unordered_map<std::string_view, std::string_view> lexicon_;
  std::unordered_map<std::string, std::string> table_;
  std::unordered_set<std::u32string> poly_chars_;
  std::unordered_map<std::string, std::int32_t> vocab_;
  std::unordered_map<int, std::string> classes_;
};

}  // namespace drs::lyrics::zh
