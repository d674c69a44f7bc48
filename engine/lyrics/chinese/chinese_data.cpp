#include "lyrics/chinese/chinese_data.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "lyrics/char_class.h"
#include "lyrics/chinese/bundled_data.h"
#include "lyrics/utf8.h"

namespace drs::lyrics::zh {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorKind::ModelMissing,
                "cannot read the Chinese lyrics data file " + path.string());
  // One read into a buffer of the file's size (the lexicon is 15 MB).
  in.seekg(0, std::ios::end);
  std::string text(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

[[noreturn]] void corrupt(const fs::path& path, std::size_t line, const std::string& what) {
  throw Error(ErrorKind::ModelCorrupt, path.string() + ":" + std::to_string(line) + ": " + what);
}

// Python str.strip() on a UTF-8 line.
std::string_view strip(std::string_view line) {
  auto space = [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!line.empty() && space(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
  while (!line.empty() && space(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  return line;
}

// Calls f(line_number, line) for each line without its "\n".
template <typename F>
void for_each_line(std::string_view text, F f) {
  std::size_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    f(++number, text.substr(start, end - start));
    start = end + 1;
  }
}

// "WORD<TAB>VALUE" lines, stripped; exactly two fields as the official loader demands.
template <typename F>
void read_pairs(const fs::path& path, std::string_view text, F put) {
  for_each_line(text, [&](std::size_t n, std::string_view line) {
    line = strip(line);
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos)
      corrupt(path, n, "expected two tab-separated fields");
    put(line.substr(0, tab), line.substr(tab + 1));
  });
}

// A small file from the folder when it has one (tests use the fixture's copies), else
// the bundled official copy.
std::string read_small_file(const fs::path& dir, std::string_view name) {
  std::error_code ec;
  if (fs::is_regular_file(dir / name, ec)) return read_file(dir / name);
  if (auto bundled = bundled_chinese_file(name)) return std::string(*bundled);
  return read_file(dir / name);  // reports the missing file
}

}  // namespace

std::vector<std::string> missing_chinese_data(const fs::path& dir) {
  std::vector<std::string> missing;
  // The small files are bundled; only the model store's two large files must be there.
  for (std::string_view name : {ChineseDataFiles::kLexicon, ChineseDataFiles::kModel}) {
    std::error_code ec;
    if (!fs::is_regular_file(dir / name, ec)) missing.emplace_back(name);
  }
  return missing;
}

ChineseData::ChineseData(const fs::path& dir) : dir_(dir) {
  const fs::path lexicon_path = dir / ChineseDataFiles::kLexicon;
  lexicon_text_ = read_file(lexicon_path);
  lexicon_.reserve(
      static_cast<std::size_t>(std::count(lexicon_text_.begin(), lexicon_text_.end(), '\n') + 1));
  read_pairs(lexicon_path, lexicon_text_, [&](std::string_view word, std::string_view pinyin) {
    lexicon_.insert_or_assign(word, pinyin);  // a later duplicate wins, as in a dict
  });

  const fs::path table_path = dir / ChineseDataFiles::kPinyinTable;
  read_pairs(table_path, read_small_file(dir, ChineseDataFiles::kPinyinTable),
             [&](std::string_view py, std::string_view bpmf) {
               table_.insert_or_assign(std::string(py), std::string(bpmf));
             });

  for_each_line(read_small_file(dir, ChineseDataFiles::kPolyChars),
                [&](std::size_t, std::string_view line) {
                  if (const auto c = strip(line); !c.empty()) poly_chars_.insert(to_u32(c));
                });

  // BertTokenizer's vocabulary: id = line index, key = the line without its "\n".
  std::int32_t id = 0;
  for_each_line(read_small_file(dir, ChineseDataFiles::kVocab),
                [&](std::size_t, std::string_view line) {
                  vocab_.insert_or_assign(std::string(line), id++);
                });

  const fs::path dict_path = dir / ChineseDataFiles::kPolyDict;
  const auto dict =
      nlohmann::json::parse(read_small_file(dir, ChineseDataFiles::kPolyDict), nullptr, false);
  if (!dict.is_object()) corrupt(dict_path, 1, "not a JSON object");
  for (const auto& [key, value] : dict.items()) {
    if (!value.is_string()) corrupt(dict_path, 1, "value of \"" + key + "\" is not a string");
    const std::string text = value.get<std::string>();
    const std::size_t open = text.find('{');
    const std::size_t close = text.find('}', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) continue;
    try {
      classes_[std::stoi(key)] = text.substr(open + 1, close - open - 1);
    } catch (const std::exception&) {
      corrupt(dict_path, 1, "key \"" + key + "\" is not a number");
    }
  }
}

std::shared_ptr<const ChineseData> ChineseData::shared(const fs::path& dir) {
  static std::mutex mutex;
  static std::map<fs::path, std::weak_ptr<const ChineseData>> loaded;
  std::lock_guard lock(mutex);
  auto& slot = loaded[dir];
  if (auto data = slot.lock()) return data;
  auto data = std::make_shared<const ChineseData>(dir);
  slot = data;
  return data;
}

std::optional<std::string_view> ChineseData::lexicon(std::string_view word) const {
  if (auto it = lexicon_.find(word); it != lexicon_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string_view> ChineseData::bopomofo(std::string_view syllable) const {
  if (auto it = table_.find(std::string(syllable)); it != table_.end()) return it->second;
  return std::nullopt;
}

bool ChineseData::is_polyphonic(std::u32string_view word) const {
  return poly_chars_.contains(std::u32string(word));
}

std::int32_t ChineseData::bert_id(char32_t c) const {
  constexpr std::int32_t kUnknown = 100;  // [UNK] in BERT's Chinese vocabulary
  std::string key;
  append_utf8(key, c);
  if (auto it = vocab_.find(key); it != vocab_.end()) return it->second;
  return kUnknown;
}

std::optional<std::string> ChineseData::class_reading(int c) const {
  if (auto it = classes_.find(c + 1); it != classes_.end()) return it->second;
  return std::nullopt;
}

}  // namespace drs::lyrics::zh
