#include "lyrics/number_words.h"

#include <array>
#include <vector>

#include "drs/error.h"

namespace drs::lyrics {
namespace {

constexpr std::array<std::string_view, 10> kUnits = {"",     "one", "two",   "three", "four",
                                                     "five", "six", "seven", "eight", "nine"};
constexpr std::array<std::string_view, 10> kTeens = {"ten",      "eleven",  "twelve",  "thirteen",
                                                     "fourteen", "fifteen", "sixteen", "seventeen",
                                                     "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
// Scale word of each group of three digits, units group first.
constexpr std::array<std::string_view, 12> kScales = {"",
                                                      " thousand",
                                                      " million",
                                                      " billion",
                                                      " trillion",
                                                      " quadrillion",
                                                      " quintillion",
                                                      " sextillion",
                                                      " septillion",
                                                      " octillion",
                                                      " nonillion",
                                                      " decillion"};

// 1..99
std::string tens_words(int x) {
  if (x < 10) return std::string(kUnits[x]);
  if (x < 20) return std::string(kTeens[x - 10]);
  std::string out(kTens[x / 10]);
  if (x % 10 != 0) out += "-" + std::string(kUnits[x % 10]);
  return out;
}

// 1..999
std::string group_words(int g, std::string_view andword) {
  const int hundreds = g / 100;
  const int rest = g % 100;
  if (hundreds == 0) return tens_words(rest);
  std::string out = std::string(kUnits[hundreds]) + " hundred";
  if (rest == 0) return out;
  out += " ";
  if (!andword.empty()) out += std::string(andword) + " ";
  return out + tens_words(rest);
}

int small_value(std::string_view digits) {  // digits known to be short
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string canonical_digits(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return "0";
  return std::string(digits.substr(first));
}

std::string number_words(std::string_view raw_digits, std::string_view andword) {
  const std::string digits = canonical_digits(raw_digits);
  if (digits.size() > 3 * kScales.size())
    throw Error(ErrorKind::BadInput, "number " + digits + " is too large to spell out");
  if (digits == "0") return "zero";

  // Groups of three from the right: groups[0] = units.
  std::vector<int> groups;
  for (std::size_t end = digits.size(); end > 0;) {
    const std::size_t begin = end > 3 ? end - 3 : 0;
    groups.push_back(small_value(std::string_view(digits).substr(begin, end - begin)));
    end = begin;
  }
  std::string out;
  for (std::size_t i = groups.size(); i-- > 0;) {
    if (groups[i] == 0) continue;
    if (!out.empty()) {
      // A small units group is joined with the andword, every other group with ", ".
      if (i == 0 && groups[0] < 100)
        out += andword.empty() ? " " : " " + std::string(andword) + " ";
      else
        out += ", ";
    }
    out += group_words(groups[i], andword) + std::string(kScales[i]);
  }
  return out;
}

std::string ordinal_words(std::string words) {
  struct Ending {
    std::string_view cardinal;
    std::string_view ordinal;
  };
  static constexpr std::array<Ending, 8> kEndings = {{{"ty", "tieth"},
                                                      {"one", "first"},
                                                      {"two", "second"},
                                                      {"three", "third"},
                                                      {"five", "fifth"},
                                                      {"eight", "eighth"},
                                                      {"nine", "ninth"},
                                                      {"twelve", "twelfth"}}};
  for (const auto& e : kEndings) {
    if (ends_with(words, e.cardinal)) {
      words.resize(words.size() - e.cardinal.size());
      return words + std::string(e.ordinal);
    }
  }
  return words + "th";
}

std::string cardinal_or_year(std::string_view raw_digits) {
  const std::string digits = canonical_digits(raw_digits);
  if (digits.size() == 4) {
    const int n = small_value(digits);
    if (n > 1000 && n < 3000) {
      if (n == 2000) return " two thousand ";
      if (n > 2000 && n < 2010)
        return " two thousand " + number_words(digits.substr(3), "and") + " ";
      if (n % 100 == 0) return " " + tens_words(n / 100) + " hundred ";
      const int low = n % 100;
      const std::string low_words = low >= 10 ? tens_words(low) : "oh " + std::string(kUnits[low]);
      return " " + tens_words(n / 100) + " " + low_words + " ";
    }
  }
  return " " + number_words(digits, "") + " ";
}

}  // namespace drs::lyrics
