// Fuzz target: drs::analyze_lyrics on arbitrary bytes. It must never throw or crash
// for any text, and its output must stay consistent (tensor length = end_frame, every
// token a vocabulary id, every issue inside the document with a column, a summary
// that agrees). Chinese lines reach the Chinese front end with a small data folder of
// our own and a deterministic polyphone scorer (Torch-free), or without data.
// libFuzzer run: LSAN_OPTIONS=suppressions=tests/fuzz/lrc_lsan.supp (espeak-ng's own leak).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "drs/lyrics.h"
#include "hash_polyphone_scorer.h"
#include "lyrics/chinese/chinese_g2p.h"
#include "lyrics/utf8.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

// A lexicon reaching every branch: words, polyphonic characters, syllables the table
// lacks (r, ê, hng, fiao), a tone digit 0, a word with fewer syllables than characters.
constexpr const char* kLexicon =
    "你\tni3\n好\thao3\n我\two3\n很\then3\n不\tbu4\n一\tyi1\n二\ter4\n三\tsan1\n十\tshi2\n"
    "百\tbai3\n儿\ter2\n花\thua1\n看\tkan4\n走\tzou3\n小\txiao3\n孩\thai2\n老\tlao3\n"
    "头\ttou2\n的\tde5\n是\tshi4\n天\ttian1\n月\tyue4\n号\thao4\n第\tdi4\n子\tzi5\n么\tme0\n"
    "欸\tê4\n覅\tfiao4\n哼\theng1\n长\tchang2\n行\txing2\n了\tle5\n展\tzhan3\n览\tlan3\n馆\tguan3\n"
    "你好\tni3 hao3\n小孩儿\txiao3 hai2 r5\n哼哼\thng5 hng5\n展览馆\tzhan3 lan3 guan3\n"
    "差不多\tcha4 bu4 duo1\n一天\tyi1 tian1\n银行\tyin2 hang2\n老头\tlao3\n看一看\tkan4 yi1 kan4\n";

// Made once; the folder outlives the front end reading it (constructed first, so
// destroyed last at exit).
fs::path make_data_dir() {
  static const drs::test::TempDir temp("fuzz-zh");
  const fs::path& dir = temp.path();
  fs::create_directories(dir / "g2p_chinese_model");
  std::ofstream(dir / "chinese_lexicon.txt") << kLexicon;
  std::ofstream(dir / "g2p_chinese_model" / "poly_bert_model.onnx") << "not read";
  return dir;
}

const std::shared_ptr<const drs::lyrics::LanguageG2p>& chinese() {
  static const std::shared_ptr<const drs::lyrics::LanguageG2p> g2p = [] {
    drs::lyrics::zh::ChineseG2pOptions options;
    options.data_dir = make_data_dir();
    options.load_scorer = [](const fs::path&) { return std::make_shared<drs::fuzz::HashScorer>(); };
    return std::make_shared<drs::lyrics::zh::ChineseG2p>(options);
  }();
  return g2p;
}

// Structured mode: each byte picks a character of a CJK/Latin/digit/punctuation mix, so
// random lyrics hit the Chinese paths far more often than raw bytes would.
std::string mixed_lyrics(std::string_view bytes) {
  static const std::u32string kAlphabet =
      U"你好我很不一二三十百儿花看走小孩老头的是天月号第子么欸覅哼长行了展览馆差多银囧龦"
      U"鿿"
      U"〇"
      U"abcXYZ 0123456789０１%℃/-.:,;!?'…，。！？、：；“”《》（）·～\n[]_😀\u3000\t";
  std::u32string out = U"[00:01.00]";
  for (unsigned char b : bytes) {
    const char32_t c = kAlphabet[b % kAlphabet.size()];
    out += c;
    if (c == U'\n') out += U"[00:0" + std::u32string(1, U'1' + (b % 9)) + U".00]";
  }
  return drs::lyrics::to_utf8(out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first byte picks the mode and length, the rest is the LRC file (or, in the
  // structured mode, the choice of characters).
  const int selector = size > 0 ? data[0] : 0;
  const int max_frames = (selector & 1) ? 6144 : 2048;
  const double seconds = max_frames == 2048 ? 95.0 : 96.0 + (selector >> 1) % 190;
  const std::string_view raw(reinterpret_cast<const char*>(data) + (size > 0 ? 1 : 0),
                             size > 0 ? size - 1 : 0);
  const std::string structured = (selector & 0x40) ? mixed_lyrics(raw) : std::string();
  const std::string_view text = (selector & 0x40) ? std::string_view(structured) : raw;
  drs::LyricsOptions options;
  if (selector & 0x80) options.second_language = chinese();  // else: no Chinese data
  const drs::LyricsAnalysis a = drs::analyze_lyrics(text, max_frames, seconds, options);
  if (a.frame_tokens.size() != static_cast<std::size_t>(a.end_frame)) __builtin_trap();
  if (a.end_frame != drs::end_frame_for(max_frames, seconds)) __builtin_trap();
  for (auto token : a.frame_tokens)
    if (token < 0 || token > 363) __builtin_trap();
  for (const auto& line : a.lines)
    if (line.tokens < 1 || (line.placed && line.start_frame < 0)) __builtin_trap();
  for (const auto& issue : a.issues)
    if (issue.line < 0 || issue.column < 0 || issue.code.empty()) __builtin_trap();
  // A line's issue always has a column to point at; 0 is for the whole document.
  for (const auto& issue : a.issues)
    if (issue.line > 0 && issue.column < 1) __builtin_trap();
  if (a.summary.lines != static_cast<int>(a.lines.size()) ||
      a.summary.last_token_frame >= a.end_frame)
    __builtin_trap();
  return 0;
}
