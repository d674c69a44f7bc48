#include "lyrics/chinese/chinese_g2p.h"

#include <cstdio>
#include <map>
#include <stdexcept>

#include "drs/error.h"
#include "lyrics/chinese/bopomofo.h"
#include "lyrics/chinese/bopomofo_to_ipa.h"
#include "lyrics/chinese/jieba_segmenter.h"
#include "lyrics/chinese/number_reading.h"
#include "lyrics/chinese/text_normalizer.h"
#include "lyrics/chinese/tone_sandhi.h"
#include "lyrics/chinese/word_merges.h"
#include "lyrics/utf8.h"
#include "lyrics/vocabulary.h"

namespace drs::lyrics::zh {

const char* const kChineseDataHint =
    "install the \"chinese-lyrics\" component (diffrhythm-cli models download chinese-lyrics, "
    "or Models... in the window)";

namespace {

constexpr std::int32_t kCls = 101;

std::string label(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  return "'" + to_utf8(std::u32string(1, c)) + "' (" + hex + ")";
}

std::vector<std::string> utf8_list(const Words& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(to_utf8(w));
  return out;
}

bool has_cjk(std::u32string_view word) {
  for (char32_t c : word)
    if (is_cjk_unified(c)) return true;
  return false;
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> out;  // Python str.split(" "): empty fields kept
  std::size_t start = 0;
  for (std::size_t end; (end = s.find(' ', start)) != std::string_view::npos; start = end + 1)
    out.push_back(s.substr(start, end - start));
  out.push_back(s.substr(start));
  return out;
}

// One run's conversion: the normalised text, its model input and the model's answer
// (asked once per run: the official code asks once per character, with the same input).
class RunConverter {
 public:
  RunConverter(const ChineseData& data, std::function<const PolyphoneScorer&()> scorer,
               std::u32string_view run, int column, std::vector<G2pNote>& notes)
      : data_(data), scorer_(std::move(scorer)), run_(run), column_(column), notes_(notes) {}

  std::u32string convert(ChineseRunTrace* trace);

 private:
  std::vector<std::u32string> pronounce(std::u32string_view word, std::size_t char_index);
  std::u32string model_reading(char32_t c, std::size_t row);
  std::u32string reading_of(char32_t c, std::string_view syllable, const char* source);
  [[nodiscard]] int column_of(char32_t c) const {
    const auto i = run_.find(c);
    return i == std::u32string_view::npos ? column_ : column_ + static_cast<int>(i);
  }

  const ChineseData& data_;
  std::function<const PolyphoneScorer&()> scorer_;
  std::u32string_view run_;
  int column_;
  std::vector<G2pNote>& notes_;
  std::u32string text_short_;
  std::vector<std::int32_t> ids_;
  std::vector<float> logits_;
};

std::u32string RunConverter::reading_of(char32_t c, std::string_view syllable, const char* source) {
  std::string missing;
  if (auto b = table_reading(data_, syllable, &missing)) return *b;
  throw G2pError("chinese-no-reading", column_of(c),
                 label(c) + ": the " + source + " reading '" + std::string(syllable) +
                     "' has no entry '" + missing +
                     "' in pinyin_2_bpmf.txt; the official code fails on this line (KeyError), "
                     "so it is left silent");
}

std::u32string RunConverter::model_reading(char32_t c, std::size_t row) {
  if (ids_.empty()) {
    ids_.push_back(kCls);
    for (char32_t t : text_short_) ids_.push_back(data_.bert_id(t));
    try {
      logits_ = scorer_().logits(ids_);
    } catch (const std::exception& e) {
      // Too long for the model's positions, or a failure inside the runtime: only this
      // line is affected (the official code raises here).
      throw G2pError("polyphone-model-failed", column_,
                     std::string("the polyphone model cannot read this line: ") + e.what());
    }
  }
  const auto classes = static_cast<std::size_t>(scorer_().num_classes());
  if (classes == 0 || (row + 1) * classes > logits_.size())
    throw G2pError("polyphone-model-failed", column_of(c),
                   "the polyphone model gave no answer for " + label(c));
  const float* scores = logits_.data() + row * classes;
  std::size_t best = 0;
  for (std::size_t k = 1; k < classes; ++k)
    if (scores[k] > scores[best]) best = k;  // first maximum on ties, as numpy argmax
  const auto reading = data_.class_reading(static_cast<int>(best));
  if (!reading)
    throw G2pError("chinese-no-reading", column_of(c),
                   label(c) + ": polydict.json has no reading for model class " +
                       std::to_string(best + 1) + "; the line is left silent");
  return reading_of(c, *reading, "polyphone model's");
}

std::vector<std::u32string> RunConverter::pronounce(std::u32string_view word,
                                                    std::size_t char_index) {
  std::vector<std::u32string> b;
  const auto entry = data_.lexicon(to_utf8(word));
  if (entry && !data_.is_polyphonic(word)) {
    for (std::string_view py : split_spaces(*entry)) {
      if (auto r = table_reading(data_, py)) {
        b.push_back(*r);
        continue;
      }
      try {
        for (auto& r : fallback_reading(data_, word)) b.push_back(std::move(r));
      } catch (const std::invalid_argument& e) {
        throw G2pError("chinese-no-reading", column_of(word[0]),
                       "'" + to_utf8(word) + "': the lexicon syllable '" + std::string(py) +
                           "' is not in pinyin_2_bpmf.txt and " + e.what() +
                           "; the line is left silent");
      }
      notes_.push_back({column_of(word[0]), Severity::Info, "chinese-reading-fallback",
                        "'" + to_utf8(word) + "': the lexicon syllable '" + std::string(py) +
                            "' is not in pinyin_2_bpmf.txt; read character by character (the "
                            "official code asks pypinyin here and may differ)"});
    }
    return b;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char32_t c = word[i];
    const std::u32string one(1, c);
    if (data_.is_polyphonic(one)) {
      b.push_back(model_reading(c, char_index + i));
    } else if (const auto e = data_.lexicon(to_utf8(one))) {
      b.push_back(reading_of(c, *e, "lexicon"));
    } else {
      if (is_cjk_unified(c))
        notes_.push_back({column_of(c), Severity::Warning, "chinese-unknown-character",
                          label(c) + " is not in the Chinese lexicon and is not sung"});
      b.push_back(one);  // kept as it is; dropped at the token step
    }
  }
  return b;
}

std::u32string RunConverter::convert(ChineseRunTrace* trace) {
  const NumberReading numbers = read_numbers(run_);
  for (const auto& n : numbers.unread)
    notes_.push_back({column_, Severity::Warning, "number-not-read",
                      "'" + to_utf8(n) +
                          "' cannot be read as a Chinese number (more than 16 digits "
                          "or unusual digits) and is left out, as in the official code"});
  text_short_ = normalize_chinese(numbers.text);
  static const JiebaSegmenter jieba;
  const Words cut = jieba.cut(text_short_);
  const Words words = merge_er(merge_bu(merge_yi(cut)));

  std::u32string bopomofo;
  std::size_t char_index = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::u32string& word = words[k];
    std::vector<std::u32string> b = pronounce(word, char_index);
    char_index += word.size();
    try {
      apply_tone_sandhi(word, b);
    } catch (const std::out_of_range&) {
      throw G2pError("chinese-no-reading", column_of(word[0]),
                     "'" + to_utf8(word) +
                         "': the lexicon gives fewer syllables than characters; "
                         "the official code fails on this line, so it is left silent");
    }
    if (!has_cjk(word)) {
      bopomofo += U'|';
      bopomofo += word;
      continue;
    }
    if (k > 0) bopomofo += U'|';
    for (std::size_t i = 0; i < b.size(); ++i) {
      if (i > 0) bopomofo += U'|';
      bopomofo += b[i];
      if (!b[i].empty() && b[i].back() >= 0x3105 && b[i].back() <= 0x3129) bopomofo += kTone1;
    }
  }
  std::u32string phonemes = bopomofo_to_ipa(bopomofo);
  if (trace) {
    trace->numbers_read = to_utf8(numbers.text);
    trace->normalized = to_utf8(text_short_);
    trace->jieba = utf8_list(cut);
    trace->words = utf8_list(words);
    trace->bopomofo = to_utf8(bopomofo);
    trace->ipa_raw = to_utf8(bopomofo_to_ipa_raw(bopomofo));
    trace->bert_input_ids = ids_;
  }
  return phonemes;
}

}  // namespace

namespace {

std::mutex& loader_mutex() {
  static std::mutex mutex;
  return mutex;
}

ScorerLoader& default_loader() {
  static ScorerLoader loader;
  return loader;
}

}  // namespace

void set_default_scorer_loader(ScorerLoader loader) {
  std::lock_guard lock(loader_mutex());
  default_loader() = std::move(loader);
}

std::shared_ptr<const ChineseG2p> shared_chinese_front_end(const std::filesystem::path& data_dir) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::shared_ptr<const ChineseG2p>> made;
  std::lock_guard lock(mutex);
  auto& slot = made[data_dir];
  if (!slot) slot = std::make_shared<const ChineseG2p>(ChineseG2pOptions{data_dir, {}});
  return slot;
}

ChineseG2p::ChineseG2p(ChineseG2pOptions options) : options_(std::move(options)) {}

const ChineseData& ChineseG2p::data(int column) const {
  std::lock_guard lock(mutex_);
  if (data_) return *data_;
  const auto missing = options_.data_dir.empty() ? std::vector<std::string>{"(no folder set)"}
                                                 : missing_chinese_data(options_.data_dir);
  if (!missing.empty()) {
    std::string files;
    for (const auto& m : missing) files += (files.empty() ? "" : ", ") + m;
    throw G2pError("chinese-data-missing", column,
                   "Chinese lyrics need the Chinese lexicon and polyphone model: " +
                       std::string(kChineseDataHint) + "; missing in '" +
                       options_.data_dir.string() + "': " + files + ". The line is left silent");
  }
  try {
    data_ = ChineseData::shared(options_.data_dir);
  } catch (const Error& e) {
    throw G2pError("chinese-data-corrupt", column,
                   std::string("the Chinese lyrics data cannot be read (") + e.what() +
                       "); reinstall it: " + kChineseDataHint);
  }
  return *data_;
}

const PolyphoneScorer& ChineseG2p::scorer(int column) const {
  std::lock_guard lock(mutex_);
  if (scorer_) return *scorer_;
  ScorerLoader load = options_.load_scorer;
  if (!load) {
    std::lock_guard loader_lock(loader_mutex());
    load = default_loader();
  }
  if (!load)
    throw G2pError("polyphone-model-failed", column,
                   "this build has no polyphone model runner; the line is left silent");
  try {
    scorer_ = load(data_->model_path());
  } catch (const Error& e) {
    throw G2pError("polyphone-model-failed", column,
                   std::string("the polyphone model cannot be loaded (") + e.what() +
                       "); reinstall it: " + kChineseDataHint);
  }
  if (!scorer_) throw G2pError("polyphone-model-failed", column, "no polyphone model");
  return *scorer_;
}

G2pResult ChineseG2p::convert(std::u32string_view run, int column) const {
  return convert(run, column, nullptr);
}

G2pResult ChineseG2p::convert(std::u32string_view run, int column, ChineseRunTrace* trace) const {
  G2pResult result;
  const ChineseData& d = data(column);
  RunConverter converter(
      d, [this, column]() -> const PolyphoneScorer& { return scorer(column); }, run, column,
      result.notes);
  const std::u32string phonemes = converter.convert(trace);
  result.phonemes = to_utf8(phonemes);
  const Vocabulary& vocab = Vocabulary::builtin();
  std::size_t start = 0;
  for (std::size_t end; start <= result.phonemes.size(); start = end + 1) {
    end = std::min(result.phonemes.find('|', start), result.phonemes.size());
    if (auto id = vocab.token(std::string_view(result.phonemes).substr(start, end - start)))
      result.tokens.push_back(*id);
  }
  return result;
}

}  // namespace drs::lyrics::zh
