#include "lyrics/english_normalizer.h"

#include <array>
#include <vector>

#include "drs/error.h"
#include "lyrics/char_class.h"
#include "lyrics/number_words.h"
#include "lyrics/text_rewrite.h"

namespace drs::lyrics {
namespace {

struct Abbreviation {
  std::u32string_view word;
  std::u32string_view expansion;
};

// Order matters: "mrs" before "mr", "dr" before "drs" (which then never matches "dr").
constexpr std::array<Abbreviation, 20> kAbbreviations = {{
    {U"mrs", U"misess"},   {U"mr", U"mister"},    {U"dr", U"doctor"},     {U"st", U"saint"},
    {U"co", U"company"},   {U"jr", U"junior"},    {U"maj", U"major"},     {U"gen", U"general"},
    {U"drs", U"doctors"},  {U"rev", U"reverend"}, {U"lt", U"lieutenant"}, {U"hon", U"honorable"},
    {U"sgt", U"sergeant"}, {U"capt", U"captain"}, {U"esq", U"esquire"},   {U"ltd", U"limited"},
    {U"col", U"colonel"},  {U"ft", U"fort"},      {U"etc", U"et cetera"}, {U"btw", U"by the way"},
}};

// Python's case-insensitive match of one lower-case ASCII letter; the long s (U+017F)
// is the only non-ASCII code point that folds onto one of the abbreviation letters.
bool same_letter_ignore_case(char32_t c, char32_t lower) {
  return c == lower || c == lower - 32 || (lower == U's' && c == U'\u017F');
}

std::size_t match_word(std::u32string_view s, std::size_t i, std::u32string_view word) {
  if (i + word.size() > s.size()) return 0;
  if (i > 0 && is_word_char(s[i - 1])) return 0;  // \b before
  for (std::size_t k = 0; k < word.size(); ++k)
    if (!same_letter_ignore_case(s[i + k], word[k])) return 0;
  const std::size_t end = i + word.size();
  if (end < s.size() && is_word_char(s[end])) return 0;  // \b after
  return word.size();
}

// ---- helpers for the [0-9] character classes of the number passes ----
bool is_digit_or_comma(char32_t c) {
  return is_ascii_digit(c) || c == U',';
}
bool is_digit_dot_comma(char32_t c) {
  return is_ascii_digit(c) || c == U'.' || c == U',';
}

std::size_t digit_run_end(std::u32string_view s, std::size_t i) {
  while (i < s.size() && is_ascii_digit(s[i])) ++i;
  return i;
}

template <typename Pred>
std::size_t run_end(std::u32string_view s, std::size_t i, Pred in_class) {
  while (i < s.size() && in_class(s[i])) ++i;
  return i;
}

// Position after the last ASCII digit in [from, to), or 0 if there is none.
std::size_t after_last_digit(std::u32string_view s, std::size_t from, std::size_t to) {
  for (std::size_t k = to; k > from; --k)
    if (is_ascii_digit(s[k - 1])) return k;
  return 0;
}

std::string ascii(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) out.push_back(static_cast<char>(c));
  return out;
}

std::u32string widen(std::string_view s) {
  return std::u32string(s.begin(), s.end());
}

std::vector<std::u32string_view> split(std::u32string_view s, char32_t sep) {
  std::vector<std::u32string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// Python int() on a [0-9,]* piece of a dollar amount: a comma is a ValueError upstream.
std::string amount_digits(std::u32string_view part) {
  if (part.empty()) return "0";
  for (char32_t c : part)
    if (!is_ascii_digit(c))
      throw Error(ErrorKind::BadInput,
                  "cannot read the amount '" + ascii(part) + "' (comma inside a price)");
  return canonical_digits(ascii(part));
}

// Result of one match attempt that scanned a character run up to `run_end`.
struct Attempt {
  std::size_t length = 0;
  std::size_t run_end = 0;
};

// A failed attempt inside a run also fails at every later position of that run (the
// run ends at the same place), so those are skipped: long digit runs stay linear.
template <typename F>
auto skipping_failed_runs(F attempt) {
  return [attempt, fail_until = std::size_t{0}](std::u32string_view s,
                                                std::size_t i) mutable -> std::size_t {
    if (i < fail_until) return 0;
    const Attempt a = attempt(s, i);
    if (a.length == 0) fail_until = a.run_end;
    return a.length;
  };
}

// pass 1: [0-9][0-9,]+[0-9] -> the match without commas
std::u32string remove_digit_commas(std::u32string_view text) {
  return substitute(text, skipping_failed_runs([](std::u32string_view s, std::size_t i) -> Attempt {
                      if (!is_ascii_digit(s[i])) return {0, i};
                      const std::size_t end = run_end(s, i + 1, is_digit_or_comma);
                      const std::size_t last = after_last_digit(s, i + 2, end);
                      return {last ? last - i : 0, end};
                    }),
                    [](std::u32string_view m) {
                      std::u32string out;
                      for (char32_t c : m)
                        if (c != U',') out.push_back(c);
                      return out;
                    });
}

// pass 2: £[0-9,]*[0-9]+ -> "<digits> pounds"
std::u32string expand_pounds(std::u32string_view text) {
  return substitute(
      text,
      [](std::u32string_view s, std::size_t i) -> std::size_t {
        if (s[i] != U'£') return 0;
        const std::size_t last = after_last_digit(s, i + 1, run_end(s, i + 1, is_digit_or_comma));
        return last ? last - i : 0;
      },
      [](std::u32string_view m) { return std::u32string(m.substr(1)) + U" pounds"; });
}

std::u32string dollars_words(std::u32string_view amount) {
  const auto parts = split(amount, U'.');
  if (parts.size() > 2) return U" " + std::u32string(amount) + U" dollars ";
  const std::string dollars = amount_digits(parts[0]);
  const std::string cents = parts.size() > 1 ? amount_digits(parts[1]) : "0";
  const std::string dollar_unit = dollars == "1" ? " dollar" : " dollars";
  const std::string cent_unit = cents == "1" ? " cent" : " cents";
  if (dollars != "0" && cents != "0")
    return widen(" " + dollars + dollar_unit + ", " + cents + cent_unit + " ");
  if (dollars != "0") return widen(" " + dollars + dollar_unit + " ");
  if (cents != "0") return widen(" " + cents + cent_unit + " ");
  return U" zero dollars ";
}

// pass 3: \$[0-9.,]*[0-9]+ -> dollars and cents wording
std::u32string expand_dollars(std::u32string_view text) {
  return substitute(
      text,
      [](std::u32string_view s, std::size_t i) -> std::size_t {
        if (s[i] != U'$') return 0;
        const std::size_t last = after_last_digit(s, i + 1, run_end(s, i + 1, is_digit_dot_comma));
        return last ? last - i : 0;
      },
      [](std::u32string_view m) { return dollars_words(m.substr(1)); });
}

// pass 4: [0-9]+/[0-9]+ -> "three quarters", "twenty-four seventh"
std::u32string expand_fractions(std::u32string_view text) {
  return substitute(text, skipping_failed_runs([](std::u32string_view s, std::size_t i) -> Attempt {
                      const std::size_t num_end = digit_run_end(s, i);
                      if (num_end == i || num_end >= s.size() || s[num_end] != U'/')
                        return {0, num_end};
                      const std::size_t den_end = digit_run_end(s, num_end + 1);
                      return {den_end > num_end + 1 ? den_end - i : 0, num_end};
                    }),
                    [](std::u32string_view m) {
                      const auto slash = m.find(U'/');
                      const std::string a = canonical_digits(ascii(m.substr(0, slash)));
                      const std::string b = canonical_digits(ascii(m.substr(slash + 1)));
                      if (a == "1" && b == "2") return std::u32string(U" one half ");
                      if (a == "1" && b == "4") return std::u32string(U" one quarter ");
                      const std::string whole = number_words(a, "and");
                      if (b == "2") return widen(" " + whole + " halves ");
                      if (b == "4") return widen(" " + whole + " quarters ");
                      return widen(" " + whole + " " + ordinal_words(number_words(b, "and")) + " ");
                    });
}

// pass 5: [0-9]+\.[0-9]+ -> "<a> point <b>"
std::u32string expand_decimals(std::u32string_view text) {
  return substitute(text, skipping_failed_runs([](std::u32string_view s, std::size_t i) -> Attempt {
                      const std::size_t int_end = digit_run_end(s, i);
                      if (int_end == i || int_end + 1 >= s.size() || s[int_end] != U'.')
                        return {0, int_end};
                      const std::size_t frac_end = digit_run_end(s, int_end + 1);
                      return {frac_end > int_end + 1 ? frac_end - i : 0, int_end};
                    }),
                    [](std::u32string_view m) { return replace_all(m, U".", U" point "); });
}

// pass 6: [0-9.,]*[0-9]+% -> "... percent "
std::u32string expand_percent(std::u32string_view text) {
  return substitute(text, skipping_failed_runs([](std::u32string_view s, std::size_t i) -> Attempt {
                      if (!is_digit_dot_comma(s[i])) return {0, i};
                      const std::size_t end = run_end(s, i, is_digit_dot_comma);
                      if (end >= s.size() || s[end] != U'%' || !is_ascii_digit(s[end - 1]))
                        return {0, end};
                      return {end + 1 - i, end};
                    }),
                    [](std::u32string_view m) { return replace_all(m, U"%", U" percent "); });
}

// pass 7: [0-9]+(st|nd|rd|th) -> " twelfth "
std::u32string expand_ordinals(std::u32string_view text) {
  return substitute(
      text, skipping_failed_runs([](std::u32string_view s, std::size_t i) -> Attempt {
        const std::size_t end = digit_run_end(s, i);
        if (end == i || end + 2 > s.size()) return {0, end};
        const std::u32string_view suffix = s.substr(end, 2);
        if (suffix != U"st" && suffix != U"nd" && suffix != U"rd" && suffix != U"th")
          return {0, end};
        return {end + 2 - i, end};
      }),
      [](std::u32string_view m) {
        return widen(" " + ordinal_words(number_words(ascii(m.substr(0, m.size() - 2)), "and")) +
                     " ");
      });
}

// pass 8: [0-9]+ -> cardinal or year wording
std::u32string expand_cardinals(std::u32string_view text) {
  return substitute(
      text,
      [](std::u32string_view s, std::size_t i) -> std::size_t { return digit_run_end(s, i) - i; },
      [](std::u32string_view m) { return widen(cardinal_or_year(ascii(m))); });
}

struct Literal {
  std::u32string_view from;
  std::u32string_view to;
};

// Full-width punctuation and ellipsis spellings, applied in this order.
constexpr std::array<Literal, 13> kLiterals = {{
    {U"，", U","},
    {U"。", U"."},
    {U"！", U"!"},
    {U"？", U"?"},
    {U"；", U";"},
    {U"：", U":"},
    {U"、", U","},
    {U"‘", U"'"},
    {U"’", U"'"},
    {U"⋯", U"…"},
    {U"···", U"…"},
    {U"・・・", U"…"},
    {U"...", U"…"},
}};

std::u32string drop_unknown_characters(std::u32string_view text) {
  std::u32string out;
  for (char32_t c : text)
    if (!is_dropped_character(c)) out.push_back(c);
  return out;
}

// \s*([marks])\s* -> \1: whitespace touching a mark disappears.
std::u32string remove_spaces_around_marks(std::u32string_view text) {
  std::u32string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_space_char(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    const std::size_t end = run_end(text, i, is_space_char);
    const bool after_mark = !out.empty() && i > 0 && is_mark(text[i - 1]);
    const bool before_mark = end < text.size() && is_mark(text[end]);
    if (!after_mark && !before_mark) out.append(text.substr(i, end - i));
    i = end;
  }
  return out;
}

std::u32string collapse_spaces(std::u32string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    if (is_space_char(text[i])) {
      out.push_back(U' ');
      i = run_end(text, i, is_space_char);
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

}  // namespace

bool is_dropped_character(char32_t c) {
  return !is_word_char(c) && !is_space_char(c) && !is_mark(c);
}

std::u32string expand_abbreviations(std::u32string_view text) {
  std::u32string out(text);
  for (const auto& abbr : kAbbreviations) {
    out = substitute(
        out, [&](std::u32string_view s, std::size_t i) { return match_word(s, i, abbr.word); },
        [&](std::u32string_view) { return std::u32string(abbr.expansion); });
  }
  return out;
}

std::u32string expand_numbers(std::u32string_view text) {
  std::u32string out = remove_digit_commas(text);
  out = expand_pounds(out);
  out = expand_dollars(out);
  out = expand_fractions(out);
  out = expand_decimals(out);
  out = expand_percent(out);
  out = expand_ordinals(out);
  return expand_cardinals(out);
}

std::u32string clean_characters(std::u32string_view text) {
  std::u32string out(strip_spaces(text));
  for (const auto& lit : kLiterals) out = replace_all(out, lit.from, lit.to);
  out = drop_unknown_characters(out);
  out = remove_spaces_around_marks(out);
  return collapse_spaces(out);
}

std::u32string normalize_english(std::u32string_view text) {
  return clean_characters(expand_numbers(expand_abbreviations(text)));
}

}  // namespace drs::lyrics
