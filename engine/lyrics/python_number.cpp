#include "lyrics/python_number.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "lyrics/char_class.h"

namespace drs::lyrics {
namespace {

// CPython first rewrites the string: non-ASCII whitespace -> ' ', non-ASCII decimal
// digits -> '0'..'9', any other non-ASCII character -> invalid.
std::optional<std::string> to_ascii(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (is_space_char(c)) {
      out.push_back(' ');
    } else if (auto digit = decimal_value(c)) {
      out.push_back(static_cast<char>('0' + *digit));
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// The whitespace CPython's number parsers skip after that rewrite (C isspace).
bool is_c_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim_c_space(std::string_view s) {
  while (!s.empty() && is_c_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_c_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Removes '_' that sit between two digits; any other '_' makes the text invalid.
std::optional<std::string> drop_underscores(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '_') {
      out.push_back(s[i]);
      continue;
    }
    if (i == 0 || i + 1 >= s.size() || !is_digit(s[i - 1]) || !is_digit(s[i + 1]))
      return std::nullopt;
  }
  return out;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// [digits][.digits][e[sign]digits] with at least one mantissa digit.
bool is_decimal_literal(std::string_view s) {
  std::size_t i = 0;
  std::size_t mantissa_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++mantissa_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t exp_start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == exp_start) return false;
  }
  return i == s.size();
}

}  // namespace

std::optional<long long> parse_python_int(std::u32string_view text) {
  auto ascii = to_ascii(text);
  if (!ascii) return std::nullopt;
  std::string_view s = trim_c_space(*ascii);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || !is_digit(s.front())) return std::nullopt;
  auto digits = drop_underscores(s);
  if (!digits) return std::nullopt;
  long long value = 0;
  for (char c : *digits) {
    if (!is_digit(c)) return std::nullopt;
    if (value > (std::numeric_limits<long long>::max() - 9) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

std::optional<double> parse_python_float(std::u32string_view text) {
  auto ascii = to_ascii(text);
  if (!ascii) return std::nullopt;
  std::string_view s = trim_c_space(*ascii);
  auto cleaned = drop_underscores(s);
  if (!cleaned) return std::nullopt;
  std::string_view body = *cleaned;
  bool negative = false;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  double value = 0;
  if (equals_ignore_case(body, "inf") || equals_ignore_case(body, "infinity")) {
    value = std::numeric_limits<double>::infinity();
  } else if (equals_ignore_case(body, "nan")) {
    value = std::numeric_limits<double>::quiet_NaN();
  } else {
    if (!is_decimal_literal(body)) return std::nullopt;
    // from_chars is locale-independent and correctly rounded, like Python's float().
    const auto result = std::from_chars(body.data(), body.data() + body.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
      // Python overflows to inf and underflows to 0.
      const bool tiny =
          body.find("e-") != std::string_view::npos || body.find("E-") != std::string_view::npos;
      value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
    } else if (result.ec != std::errc() || result.ptr != body.data() + body.size()) {
      return std::nullopt;
    }
  }
  return negative ? -value : value;
}

}  // namespace drs::lyrics
