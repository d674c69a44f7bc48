#include "lyrics/chinese/number_reading.h"

#include <array>
#include <optional>
#include <stdexcept>

#include "lyrics/char_class.h"
#include "lyrics/text_rewrite.h"

namespace drs::lyrics::zh {
namespace {

constexpr std::u32string_view kNumerals = U"零一二三四五六七八九";
constexpr std::array<std::u32string_view, 16> kUnits = {U"",   U"十", U"百", U"千", U"万", U"十",
                                                        U"百", U"千", U"亿", U"十", U"百", U"千",
                                                        U"万", U"十", U"百", U"千"};
constexpr std::size_t kMaxDigits = 16;

bool is_digit(char32_t c) {
  return decimal_value(c).has_value();
}

// cn2an's pre-processing: full-width forms to ASCII (traditional-to-simplified never
// changes digits), then only 0-9 . - are accepted.
std::u32string ascii_number(std::u32string_view text) {
  std::u32string out;
  for (char32_t c : text) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (!is_ascii_digit(c) && c != U'.' && c != U'-')
      throw std::invalid_argument("not a number it can read");
    out += c;
  }
  return out;
}

// Python str.replace(old, new): one left-to-right pass over non-overlapping matches.

std::u32string read_integer(std::u32string_view digits) {
  while (!digits.empty() && digits.front() == U'0') digits.remove_prefix(1);
  if (digits.size() > kMaxDigits) throw std::invalid_argument("more than 16 digits");
  std::u32string out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    const std::size_t p = digits.size() - 1 - k;
    const int d = static_cast<int>(digits[k] - U'0');
    if (d != 0) {
      out += kNumerals[d];
      out += kUnits[p];
      continue;
    }
    if (p % 4 == 0) {
      out += U'零';
      out += kUnits[p];
    }
    if (k > 0 && (out.empty() || out.back() != U'零')) out += U'零';
  }
  out = replace_all(out, U"零零", U"零");
  out = replace_all(out, U"零万", U"万");
  out = replace_all(out, U"零亿", U"亿");
  out = replace_all(out, U"亿万", U"亿");
  while (!out.empty() && out.front() == U'零') out.erase(0, 1);
  while (!out.empty() && out.back() == U'零') out.pop_back();
  if (out.starts_with(U"一十")) out.erase(0, 1);
  return out.empty() ? std::u32string(U"零") : out;
}

std::u32string read_digits(std::u32string_view number) {
  std::u32string out;
  for (char32_t c : ascii_number(number)) {
    if (!is_ascii_digit(c)) throw std::invalid_argument("not a digit");
    out += kNumerals[c - U'0'];
  }
  return out;
}

// ---- the five patterns, matched as Python's re does at one position ----------------

std::size_t digits_at(std::u32string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j - i;
}

// `-?(\d+\.)?\d+` followed by `suffix` (0: none); 0 when nothing matches at i.
std::size_t match_number(std::u32string_view s, std::size_t i, char32_t suffix) {
  std::size_t j = i;
  if (j < s.size() && s[j] == U'-') ++j;
  auto finish = [&](std::size_t k) -> std::size_t {
    if (suffix == 0) return k - i;
    return k < s.size() && s[k] == suffix ? k + 1 - i : 0;
  };
  const std::size_t a = digits_at(s, j);
  if (a == 0) return 0;
  if (j + a < s.size() && s[j + a] == U'.') {
    if (const std::size_t b = digits_at(s, j + a + 1); b > 0) {
      if (const std::size_t n = finish(j + a + 1 + b); n > 0) return n;
    }
  }
  return finish(j + a);
}

// `(\d{2,4}年)?(\d{1,2}月)?(\d{1,2}日)?` at i (greedy, each part optional).
std::size_t match_date(std::u32string_view s, std::size_t i) {
  std::size_t j = i;
  auto part = [&](std::size_t lo, std::size_t hi, char32_t unit) {
    const std::size_t run = digits_at(s, j);
    for (std::size_t n = std::min(run, hi); n >= lo && n > 0; --n) {
      if (j + n < s.size() && s[j + n] == unit) {
        j += n + 1;
        return;
      }
    }
  };
  part(2, 4, U'年');
  part(1, 2, U'月');
  part(1, 2, U'日');
  return j - i;
}

std::size_t match_fraction(std::u32string_view s, std::size_t i) {
  const std::size_t a = digits_at(s, i);
  if (a == 0 || i + a >= s.size() || s[i + a] != U'/') return 0;
  const std::size_t b = digits_at(s, i + a + 1);
  return b == 0 ? 0 : a + 1 + b;
}

// `\d+℃` (no sign: "-5℃" keeps its "-" outside the match).
std::size_t match_celsius(std::u32string_view s, std::size_t i) {
  const std::size_t a = digits_at(s, i);
  return a > 0 && i + a < s.size() && s[i + a] == U'℃' ? a + 1 : 0;
}

std::u32string read_date(std::u32string_view m) {
  std::u32string out;
  for (std::size_t i = 0; i < m.size();) {
    const std::size_t n = digits_at(m, i);
    if (n == 0) {
      out += m[i++];
      continue;
    }
    const bool year = i + n < m.size() && m[i + n] == U'年';
    out += year ? read_digits(m.substr(i, n)) : read_number(m.substr(i, n));
    i += n;
  }
  return out;
}

std::u32string read_fraction(std::u32string_view m) {
  const std::size_t slash = m.find(U'/');
  return read_number(m.substr(slash + 1)) + U"分之" + read_number(m.substr(0, slash));
}

// One global substitution: every leftmost match is read; a match the reading rejects
// stays as it was (cn2an catches the error and warns).
template <typename Matcher, typename Reader>
void substitute_numbers(std::u32string& text, Matcher match, Reader read,
                        std::vector<std::u32string>& unread) {
  text = substitute(text, match, [&](std::u32string_view m) -> std::u32string {
    try {
      return read(m);
    } catch (const std::invalid_argument&) {
      unread.emplace_back(m);
      return std::u32string(m);
    }
  });
}

}  // namespace

std::u32string read_number(std::u32string_view number) {
  const std::u32string ascii = ascii_number(number);
  std::u32string_view s = ascii;
  std::u32string out;
  if (s.starts_with(U'-')) {
    out += U'负';
    s.remove_prefix(1);
  }
  const std::size_t dot = s.find(U'.');
  const std::u32string_view integer = s.substr(0, dot);
  for (char32_t c : integer)
    if (!is_ascii_digit(c)) throw std::invalid_argument("malformed number");
  out += read_integer(integer);
  if (dot != std::u32string_view::npos) {
    const std::u32string_view decimals = s.substr(dot + 1, kMaxDigits);
    out += U'点';
    out += read_digits(decimals);
  }
  return out;
}

NumberReading read_numbers(std::u32string_view run) {
  NumberReading r{std::u32string(strip_spaces(run)), {}};
  substitute_numbers(r.text, match_date, read_date, r.unread);
  substitute_numbers(r.text, match_fraction, read_fraction, r.unread);
  substitute_numbers(
      r.text, [](auto s, auto i) { return match_number(s, i, U'%'); },
      [](std::u32string_view m) { return U"百分之" + read_number(m.substr(0, m.size() - 1)); },
      r.unread);
  substitute_numbers(
      r.text, match_celsius,
      [](std::u32string_view m) { return read_number(m.substr(0, m.size() - 1)) + U"摄氏度"; },
      r.unread);
  substitute_numbers(
      r.text, [](auto s, auto i) { return match_number(s, i, 0); }, read_number, r.unread);
  return r;
}

}  // namespace drs::lyrics::zh
