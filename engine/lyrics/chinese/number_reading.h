#pragma once
// Arabic numbers in a Chinese run read out in Chinese, as the official front end does
// with cn2an 0.5.23's transform(text, "an2cn") (g2p_zh README §4.2): dates, fractions,
// percentages, Celsius, then plain numbers. A number cn2an cannot read (more than 16
// integer digits, a non-ASCII digit) is left as it is (its digits vanish later).

#include <string>
#include <string_view>
#include <vector>

namespace drs::lyrics::zh {

struct NumberReading {
  std::u32string text;
  std::vector<std::u32string> unread;  // numbers left as they were (cn2an's warnings)
};

NumberReading read_numbers(std::u32string_view run);

// cn2an's an2cn "low" reading of one number ("-12.50" -> 负十二点五零); throws
// std::invalid_argument where cn2an fails (too long, not 0-9 . -).
std::u32string read_number(std::u32string_view number);

}  // namespace drs::lyrics::zh
