// The lyric tools and the LRC parser under a comma-decimal locale (issue 13 part 6): the
// GUI process runs in the user's locale (QCoreApplication selects it), where strtod and
// printf read and write "2,5" for 2.5. Every result must be the one the "C" locale gives.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "drs/lyrics.h"
#include "frontend/lrc_tools.h"
#include "support/comma_decimal_locale.h"

namespace {

using namespace drs;
using namespace drs::frontend;

const std::string kLyrics =
    "[00:01.50]hello there\n"
    "untimed words in between\n"
    "[00:12.25]a second line of the song\n"
    "[01:02.75]and the last one\n";

int words(std::string_view text) {
  std::istringstream in{std::string(text)};
  int count = 0;
  for (std::string word; in >> word;) ++count;
  return count + 1;
}

// Everything the tools and the parser give for kLyrics, written out in one text.
std::string results() {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // the report itself is locale-free
  out << line_timestamp("[01:02.50]hello").value_or(-1) << ' '
      << line_timestamp("[00:12.25]x").value_or(-1) << ' ' << format_timestamp(75.456) << ' '
      << set_line_timestamp("[00:01.00]hello", 12.3) << '\n';
  const std::string spread = spread_untimed(kLyrics, 95.0, words);
  out << spread;
  const LyricsAnalysis analysis = analyze_lyrics(spread, 2048, 95.0);
  for (const LyricLine& line : analysis.lines)
    out << line.line << ' ' << line.time << ' ' << line.tokens << ' ' << line.start_frame << ' '
        << line.frames_available << '\n';
  for (const LyricsIssue& issue : analysis.issues)
    out << issue.code << ' ' << issue.message << '\n';
  out << "gaps " << find_gaps(analysis).size() << " end " << analysis.end_frame << '\n';
  return out.str();
}

TEST(LrcToolsLocale, CommaDecimalLocaleChangesNothing) {
  const std::string in_c = results();
  std::string in_german;
  {
    const drs::test::CommaDecimalLocale german;
    if (!german.problem().empty()) GTEST_SKIP() << german.problem();
    in_german = results();
  }
  EXPECT_NE(in_c.find("62.5 12.25 [01:15.45] [00:12.30]hello"), std::string::npos) << in_c;
  EXPECT_EQ(in_german, in_c);
}

}  // namespace
