#include "lyrics/chinese/pinyin_readings.h"

#include <charconv>
#include <unordered_map>

// DRS_PINYIN_READINGS_PATH is the generated table, set by the build.
__asm__(
    ".pushsection .rodata\n"
    ".balign 16\n"
    "drs_pinyin_readings_begin:\n"
    ".incbin \"" DRS_PINYIN_READINGS_PATH
    "\"\n"
    "drs_pinyin_readings_end:\n"
    ".popsection\n");

extern "C" const char drs_pinyin_readings_begin[];
extern "C" const char drs_pinyin_readings_end[];

namespace drs::lyrics::zh {
namespace {

using Table = std::unordered_map<char32_t, std::string_view>;

Table parse() {
  const std::string_view text(
      drs_pinyin_readings_begin,
      static_cast<std::size_t>(drs_pinyin_readings_end - drs_pinyin_readings_begin));
  Table table;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::size_t space = line.find(' ');
    std::uint32_t cp = 0;
    if (space == std::string_view::npos ||
        std::from_chars(line.data(), line.data() + space, cp).ec != std::errc())
      continue;
    table.emplace(static_cast<char32_t>(cp), line.substr(space + 1));
  }
  return table;
}

}  // namespace

std::optional<std::string_view> common_reading(char32_t c) {
  static const Table table = parse();
  if (auto it = table.find(c); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace drs::lyrics::zh
