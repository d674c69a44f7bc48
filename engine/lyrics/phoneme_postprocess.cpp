#include "lyrics/phoneme_postprocess.h"

#include "lyrics/char_class.h"
#include "lyrics/text_rewrite.h"

namespace drs::lyrics {
namespace {

std::u32string collapse_char(std::u32string_view s, char32_t c) {
  std::u32string out;
  for (char32_t x : s)
    if (x != c || out.empty() || out.back() != c) out.push_back(x);
  return out;
}

// Python re.sub(r"\(.+?\)", "", s): each '(' up to the nearest ')' at least two on.
std::u32string remove_language_flags(std::u32string_view s, bool& found) {
  return substitute(
      s,
      [&found, no_close = false](std::u32string_view t, std::size_t i) mutable -> std::size_t {
        if (no_close || t[i] != U'(') return 0;
        const auto close = t.find(U')', i + 2);
        no_close = close == std::u32string_view::npos;  // then no later '(' can match either
        if (no_close) return 0;
        found = true;
        return close + 1 - i;
      },
      [](std::u32string_view) { return std::u32string(); });
}

std::u32string clean_word(std::u32string_view word) {
  std::u32string out;
  for (char32_t c : strip_spaces(word)) {
    if (c == U'ˈ' || c == U'ˌ' || c == U'\'' || c == U'-') continue;
    out.push_back(c == U'_' ? U'|' : c);
  }
  return out;
}

constexpr std::u32string_view kWordSeparator = U"|_|";

enum class MarkPosition { Begin, Inside, End };

// phonemizer's Punctuation.restore for one line: before each mark is put back, the
// chunk it attaches to loses a trailing word separator (left by an empty last word).
std::u32string restore_marks(const std::vector<TextPiece>& pieces,
                             const std::vector<std::u32string>& phones) {
  std::vector<std::u32string_view> marks;
  for (const auto& piece : pieces)
    if (piece.is_marks) marks.push_back(piece.text);
  std::vector<std::u32string> texts(phones);
  std::u32string done;
  std::size_t t = 0;  // first chunk not yet finished
  for (std::size_t k = 0; k < marks.size(); ++k) {
    if (t >= texts.size()) {  // nothing left to attach to: the marks alone
      for (; k < marks.size(); ++k) done += marks[k];
      break;
    }
    MarkPosition position = MarkPosition::Inside;
    if (k == 0 && pieces.front().is_marks)
      position = MarkPosition::Begin;
    else if (k + 1 == marks.size() && pieces.back().is_marks)
      position = MarkPosition::End;
    std::u32string& current = texts[t];
    if (current.ends_with(kWordSeparator)) current.resize(current.size() - kWordSeparator.size());
    if (position == MarkPosition::Begin) {
      current.insert(0, marks[k]);
    } else if (position == MarkPosition::End) {
      done += current;
      done += marks[k];
      ++t;
    } else if (t + 1 < texts.size()) {
      texts[t + 1] = current + std::u32string(marks[k]) + texts[t + 1];
      ++t;
    } else {
      current += marks[k];
    }
  }
  for (; t < texts.size(); ++t) done += texts[t];
  return done;
}

}  // namespace

ChunkPhones postprocess_chunk(std::u32string_view raw) {
  ChunkPhones result;
  std::u32string line(strip_spaces(raw));
  line = replace_all(line, U"\n", U" ");
  line = replace_all(line, U"  ", U" ");
  line = collapse_char(line, U'_');
  line = replace_all(line, U"_ ", U" ");
  line = remove_language_flags(line, result.language_switch);
  if (line.empty()) return result;

  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != U' ') continue;
    if (start > 0) result.phones += U"|_|";
    result.phones += clean_word(std::u32string_view(line).substr(start, i - start));
    start = i + 1;
  }
  return result;
}

std::u32string assemble_line(const std::vector<TextPiece>& pieces,
                             const std::vector<std::u32string>& phones) {
  const std::u32string joined = restore_marks(pieces, phones);
  // Every mark becomes its own pipe-delimited token.
  std::u32string piped;
  for (char32_t c : joined) {
    if (is_mark(c)) {
      piped += U'|';
      piped += c;
      piped += U'|';
    } else {
      piped += c;
    }
  }
  std::u32string out = collapse_char(piped, U'|');
  while (!out.empty() && out.back() == U'|') out.pop_back();
  return out;
}

}  // namespace drs::lyrics
