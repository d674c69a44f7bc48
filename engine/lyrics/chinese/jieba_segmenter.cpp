#include "lyrics/chinese/jieba_segmenter.h"

#include <array>
#include <cmath>

#include "lyrics/char_class.h"
#include "lyrics/utf8.h"

namespace drs::lyrics::zh {
namespace {

constexpr double kMinFloat = -3.14e100;  // finalseg's MIN_FLOAT

bool is_han(char32_t c) {
  return c >= 0x4E00 && c <= 0x9FD5;
}

// jieba's re_han_default character class.
bool is_block_char(char32_t c) {
  if (is_han(c) || is_ascii_letter(c) || is_ascii_digit(c)) return true;
  return c == U'+' || c == U'#' || c == U'&' || c == U'.' || c == U'_' || c == U'%' || c == U'-';
}

bool is_alnum(char32_t c) {
  return is_ascii_letter(c) || is_ascii_digit(c);
}

// Length of finalseg's re_skip match `[a-zA-Z0-9]+(?:\.\d+)?%?` at `i` (0: none). Only
// ASCII digits can occur inside a jieba block.
std::size_t skip_match(std::u32string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_alnum(s[j])) ++j;
  if (j == i) return 0;
  if (j + 1 < s.size() && s[j] == U'.' && is_ascii_digit(s[j + 1])) {
    j += 2;
    while (j < s.size() && is_ascii_digit(s[j])) ++j;
  }
  if (j < s.size() && s[j] == U'%') ++j;
  return j - i;
}

// Python max() over (score, key) tuples: a tie goes to the larger key.
template <typename Key>
bool better(double score, Key key, double best, Key best_key) {
  return score > best || (score == best && key > best_key);
}

}  // namespace

std::vector<std::u32string> hmm_cut_han(const JiebaModel& model, std::u32string_view han) {
  using St = JiebaModel::State;
  // PrevStatus of finalseg: the states each state may follow.
  static constexpr std::array<std::array<int, 2>, 4> kPrev = {{
      {St::E, St::S},  // B
      {St::B, St::M},  // E
      {St::M, St::B},  // M
      {St::S, St::E},  // S
  }};
  static constexpr std::string_view kLetter = "BEMS";
  const std::size_t n = han.size();
  std::vector<std::array<double, 4>> v(n);
  std::vector<std::array<int, 4>> back(n);
  for (int y = 0; y < 4; ++y)
    v[0][y] = model.start(y) + model.emission(y, han[0]).value_or(kMinFloat);
  for (std::size_t t = 1; t < n; ++t) {
    for (int y = 0; y < 4; ++y) {
      const double em = model.emission(y, han[t]).value_or(kMinFloat);
      double best = 0;
      int best_state = -1;
      for (int y0 : kPrev[y]) {
        const double p = v[t - 1][y0] + model.transition(y0, y).value_or(kMinFloat) + em;
        if (best_state < 0 || better(p, kLetter[y0], best, kLetter[best_state])) {
          best = p;
          best_state = y0;
        }
      }
      v[t][y] = best;
      back[t][y] = best_state;
    }
  }
  int state = better(v[n - 1][St::S], 'S', v[n - 1][St::E], 'E') ? St::S : St::E;
  std::vector<int> states(n);
  for (std::size_t t = n; t-- > 0;) {
    states[t] = state;
    if (t > 0) state = back[t][state];
  }
  std::vector<std::u32string> words;
  std::size_t begin = 0;
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (states[i] == St::B) {
      begin = i;
    } else if (states[i] == St::E) {
      words.emplace_back(han.substr(begin, i + 1 - begin));
      next = i + 1;
    } else if (states[i] == St::S) {
      words.emplace_back(han.substr(i, 1));
      next = i + 1;
    }
  }
  if (next < n) words.emplace_back(han.substr(next));
  return words;
}

// finalseg.cut: Viterbi on Chinese runs, the rest split at alphanumeric tokens.
void JiebaSegmenter::cut_unknown(std::u32string_view buf, std::vector<std::u32string>& out) const {
  std::size_t i = 0;
  while (i < buf.size()) {
    std::size_t j = i;
    if (is_han(buf[i])) {
      while (j < buf.size() && is_han(buf[j])) ++j;
      for (auto& w : hmm_cut_han(model_, buf.substr(i, j - i))) out.push_back(std::move(w));
    } else if (const std::size_t m = skip_match(buf, i); m > 0) {
      j = i + m;
      out.emplace_back(buf.substr(i, m));
    } else {
      // Text between two matches is one piece.
      while (j < buf.size() && !is_han(buf[j]) && skip_match(buf, j) == 0) ++j;
      out.emplace_back(buf.substr(i, j - i));
    }
    i = j;
  }
}

// A pending run of single characters: one character as is, an unknown run to the HMM,
// a dictionary word character by character (as jieba does).
void JiebaSegmenter::flush(std::u32string_view buf, std::vector<std::u32string>& out) const {
  if (buf.empty()) return;
  if (buf.size() == 1) {
    out.emplace_back(buf);
  } else if (model_.frequency(to_utf8(buf)).value_or(0) == 0) {
    cut_unknown(buf, out);
  } else {
    for (char32_t c : buf) out.emplace_back(1, c);
  }
}

void JiebaSegmenter::cut_block(std::u32string_view s, std::vector<std::u32string>& out) const {
  const std::size_t n = s.size();
  // DAG: for each start, the ends of dictionary words (or the start itself).
  std::vector<std::vector<std::size_t>> dag(n);
  for (std::size_t k = 0; k < n; ++k) {
    std::string frag;
    for (std::size_t i = k; i < n; ++i) {
      append_utf8(frag, s[i]);
      const auto f = model_.frequency(frag);
      if (!f) break;
      if (*f != 0) dag[k].push_back(i);
    }
    if (dag[k].empty()) dag[k].push_back(k);
  }
  // Maximum-probability route from the end.
  const double log_total = std::log(static_cast<double>(model_.total()));
  std::vector<double> score(n + 1, 0.0);
  std::vector<std::size_t> end(n + 1, 0);
  for (std::size_t idx = n; idx-- > 0;) {
    bool first = true;
    for (std::size_t x : dag[idx]) {
      std::int64_t f = model_.frequency(to_utf8(s.substr(idx, x + 1 - idx))).value_or(0);
      if (f == 0) f = 1;
      const double p = std::log(static_cast<double>(f)) - log_total + score[x + 1];
      if (first || better(p, x, score[idx], end[idx])) {
        score[idx] = p;
        end[idx] = x;
        first = false;
      }
    }
  }
  std::size_t buf_start = 0;
  std::size_t buf_len = 0;
  for (std::size_t x = 0; x < n;) {
    const std::size_t y = end[x] + 1;
    if (y - x == 1) {
      if (buf_len == 0) buf_start = x;
      ++buf_len;
    } else {
      flush(s.substr(buf_start, buf_len), out);
      buf_len = 0;
      out.emplace_back(s.substr(x, y - x));
    }
    x = y;
  }
  flush(s.substr(buf_start, buf_len), out);
}

std::vector<std::u32string> JiebaSegmenter::cut(std::u32string_view text) const {
  std::vector<std::u32string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    if (is_block_char(text[i])) {
      while (j < text.size() && is_block_char(text[j])) ++j;
      cut_block(text.substr(i, j - i), out);
    } else if (text[i] == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') {
      j = i + 2;
      out.emplace_back(U"\r\n");
    } else {
      j = i + 1;
      out.emplace_back(1, text[i]);  // whitespace or any other character: alone
    }
    i = j;
  }
  return out;
}

}  // namespace drs::lyrics::zh
