// Fuzz target: the Chinese lyrics data folder (chinese_lexicon.txt, pinyin_2_bpmf.txt,
// vocab.txt, polychar.txt, polydict.json: downloaded or user-copied files) read by
// ChineseData, then a lyric run converted with it. Any content must either load or be
// refused with a drs::Error naming the file, and a loaded folder must never make the
// front end crash, hang or throw anything but drs::Error on any lyric.
//
// Input layout: up to six parts separated by 0xFF (never a byte of UTF-8 text): the five
// files in the order above, then the lyric run. A missing part means the file is absent
// (the small files then come from the bundled copies; an absent lexicon is an error).
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drs/error.h"
#include "drs/lyrics.h"
#include "hash_polyphone_scorer.h"
#include "lyrics/chinese/chinese_data.h"
#include "lyrics/chinese/chinese_g2p.h"
#include "lyrics/utf8.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using drs::lyrics::zh::ChineseDataFiles;

std::vector<std::string_view> split(std::string_view bytes) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = bytes.find('\xff', start);
    parts.push_back(bytes.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

// Rewritten for every input; removed with the process's temporary folder at exit.
const fs::path& data_dir() {
  static const drs::test::TempDir temp("fuzz-zh-data");
  static const fs::path dir = temp / "data";
  return dir;
}

void write_folder(const std::vector<std::string_view>& parts) {
  static constexpr std::array<std::string_view, 5> kFiles = {
      ChineseDataFiles::kLexicon, ChineseDataFiles::kPinyinTable, ChineseDataFiles::kVocab,
      ChineseDataFiles::kPolyChars, ChineseDataFiles::kPolyDict};
  const fs::path& dir = data_dir();
  fs::remove_all(dir);
  fs::create_directories(dir / ChineseDataFiles::kModelDir);
  std::ofstream(dir / ChineseDataFiles::kModel) << "not read: the scorer is a stand-in";
  for (std::size_t i = 0; i < kFiles.size() && i < parts.size(); ++i)
    std::ofstream(dir / kFiles[i], std::ios::binary)
        .write(parts[i].data(), static_cast<std::streamsize>(parts[i].size()));
}

// A lyric of the lexicon's own words when the input brings none, so a fuzzed entry's
// reading goes through the tone rules and bopomofo.
std::u32string lyric(const std::vector<std::string_view>& parts) {
  if (parts.size() > 5 && !parts[5].empty()) return drs::lyrics::to_u32(parts[5]);
  std::u32string text;
  if (parts.empty()) return text;
  std::string_view lexicon = parts[0];
  for (int words = 0; words < 16 && !lexicon.empty(); ++words) {
    const std::size_t tab = lexicon.find('\t');
    const std::size_t end = lexicon.find('\n');
    if (tab != std::string_view::npos && tab < end)
      text += drs::lyrics::to_u32(lexicon.substr(0, tab));
    if (end == std::string_view::npos) break;
    lexicon.remove_prefix(end + 1);
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parts = split({reinterpret_cast<const char*>(data), size});
  write_folder(parts);
  drs::lyrics::zh::ChineseG2pOptions g2p_options;
  g2p_options.data_dir = data_dir();
  g2p_options.load_scorer = [](const fs::path&) {
    return std::make_shared<drs::fuzz::HashScorer>();
  };
  drs::LyricsOptions options;  // a fresh front end: the folder is read again
  options.second_language = std::make_shared<drs::lyrics::zh::ChineseG2p>(g2p_options);
  const std::string text = "[00:01.00]" + drs::lyrics::to_utf8(lyric(parts)) + "\n";
  try {
    const drs::LyricsAnalysis a = drs::analyze_lyrics(text, 2048, 95.0, options);
    for (auto token : a.frame_tokens)
      if (token < 0 || token > 363) __builtin_trap();  // outside the model's vocabulary
    for (const auto& issue : a.issues)
      if (issue.line < 0 || issue.column < 0 || issue.code.empty()) __builtin_trap();
  } catch (const drs::Error&) {
    // A refused data file, named in the message.
  }
  return 0;
}
