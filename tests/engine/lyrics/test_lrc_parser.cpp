// LRC parsing: the official fixed-width behaviour plus our diagnostics.
#include <gtest/gtest.h>

#include <cmath>

#include "lyrics/lrc_parser.h"
#include "lyrics/utf8.h"

namespace {

using drs::lyrics::parse_lrc;

const drs::LyricsIssue* find(const drs::lyrics::LrcDocument& doc, const std::string& code) {
  for (const auto& i : doc.issues)
    if (i.code == code) return &i;
  return nullptr;
}

std::string lyric(const drs::lyrics::ParsedLine& l) {
  return drs::lyrics::to_utf8(l.lyric);
}

TEST(LrcParser, StandardLines) {
  const auto doc = parse_lrc("[00:10.00]Hello there\n[01:02.50]  Second line  \n");
  ASSERT_EQ(doc.lines.size(), 2u);
  EXPECT_EQ(doc.lines[0].time, 10.0);
  EXPECT_EQ(lyric(doc.lines[0]), "Hello there");
  EXPECT_EQ(doc.lines[1].time, 62.5);
  EXPECT_EQ(doc.lines[1].line, 2);
  EXPECT_EQ(doc.lines[1].lyric_column, 13);
  EXPECT_EQ(lyric(doc.lines[1]), "Second line");
  EXPECT_TRUE(doc.issues.empty());
}

TEST(LrcParser, FixedWidthQuirks) {
  const auto doc = parse_lrc(
      "[00:06.125]Three digits\n(00:12.34)Parens\n[0:09.00]short\n[00:10]x\n[00:13,00]comma\n"
      "[00:10.00\n[ 0:12.34]space\n[-0:05.00]neg\n[00:nan  ]nan\n");
  ASSERT_EQ(doc.lines.size(), 6u);
  EXPECT_DOUBLE_EQ(doc.lines[0].time, 6.12);
  EXPECT_EQ(lyric(doc.lines[0]), "]Three digits");
  EXPECT_EQ(lyric(doc.lines[1]), "Parens");
  EXPECT_EQ(doc.lines[2].time, 10.0);
  EXPECT_EQ(lyric(doc.lines[2]), "");
  EXPECT_DOUBLE_EQ(doc.lines[3].time, 12.34);
  EXPECT_DOUBLE_EQ(doc.lines[4].time, 5.0);  // int("-0")*60 + 5.0
  EXPECT_TRUE(std::isnan(doc.lines[5].time));
  const auto* malformed = find(doc, "malformed-timestamp");
  ASSERT_NE(malformed, nullptr);
  EXPECT_EQ(malformed->line, 3);
  EXPECT_EQ(malformed->column, 3);  // "[0:09.00]": the ':' stands where a minute digit belongs
  EXPECT_NE(find(doc, "nonstandard-timestamp"), nullptr);
}

TEST(LrcParser, TagsBlankLinesCrlfAndUntimedText) {
  const auto doc = parse_lrc(
      "[ti:Song]\r\n[offset:+250]\r\n\r\n   \r\n[00:05.00]One\r\nno stamp here\r\n[Verse 2]\r"
      "[00:09.00]Two\r\n");
  ASSERT_EQ(doc.lines.size(), 2u);
  EXPECT_EQ(lyric(doc.lines[0]), "One");
  EXPECT_EQ(doc.lines[0].line, 5);
  EXPECT_EQ(doc.lines[1].line, 8);  // lone CR is a line break too
  EXPECT_NE(find(doc, "metadata-tag"), nullptr);
  EXPECT_NE(find(doc, "blank-line"), nullptr);
  EXPECT_EQ(find(doc, "no-timestamp")->line, 6);
  EXPECT_EQ(find(doc, "tag-ignored")->line, 7);
}

TEST(LrcParser, BomHidesFirstLineLikeTheReference) {
  const auto doc = parse_lrc("\xEF\xBB\xBF[00:02.00]Hidden\n[00:04.00]Seen\n");
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(lyric(doc.lines[0]), "Seen");
  const auto* bom = find(doc, "bom-hides-line");
  ASSERT_NE(bom, nullptr);
  EXPECT_EQ(bom->line, 1);
  EXPECT_EQ(find(doc, "malformed-timestamp"), nullptr);
}

TEST(LrcParser, InvalidUtf8IsRejectedWithOffset) {
  const auto doc = parse_lrc("[00:01.00]ok\n[00:02.00]bad \xC3\x28 byte\n");
  EXPECT_FALSE(doc.readable);
  EXPECT_TRUE(doc.lines.empty());
  const auto* bad = find(doc, "invalid-utf8");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->severity, drs::Severity::Error);
  EXPECT_EQ(bad->line, 2);
  EXPECT_EQ(bad->column, 15);
  EXPECT_NE(bad->message.find("offset 27"), std::string::npos) << bad->message;
  // Surrogates and overlong forms are invalid too (Python's strict codec).
  EXPECT_FALSE(parse_lrc("\xED\xA0\x80").readable);
  EXPECT_FALSE(parse_lrc("\xC0\xAF").readable);
  EXPECT_FALSE(parse_lrc("\xF4\x90\x80\x80").readable);
}

TEST(LrcParser, LeadingWhitespaceOfTheFileKeepsLineNumbers) {
  const auto doc = parse_lrc("\n\n  [00:01.00]x\n");
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_EQ(doc.lines[0].line, 3);
  EXPECT_EQ(doc.lines[0].lyric_column, 13);
}

TEST(LrcParser, ColumnsOfStampsAndBlankLines) {
  const auto doc = parse_lrc(" [00:01.00]x\n   \n[00:02.00]y\n");
  ASSERT_EQ(doc.lines.size(), 2u);
  EXPECT_EQ(doc.lines[0].stamp_column, 2);
  EXPECT_EQ(doc.lines[1].stamp_column, 1);
  const auto* blank = find(doc, "blank-line");
  ASSERT_NE(blank, nullptr);
  EXPECT_EQ(blank->line, 2);
  EXPECT_EQ(blank->column, 1);
}

TEST(LrcParser, MarkupTheOfficialParserSingsIsReported) {
  const auto doc = parse_lrc(
      "[00:01.00]a [1:02] b\n[00:02.00]a <3:04:05> b\n[00:03.00]tail [Bridge]\n"
      "[00:04.00][12] [" +
      std::string(41, 'x') + "] [1:2.] <a:b> [[x]\n");
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_EQ(find(doc, "extra-timestamp")->column, 13);
  EXPECT_EQ(find(doc, "word-timing")->column, 13);
  const auto* label = find(doc, "section-label");
  EXPECT_EQ(label->line, 3);
  EXPECT_EQ(label->column, 16);
  // A number in brackets, an overlong bracket, a broken stamp: none of these. Only the
  // innermost "[x]" of "[[x]" counts as a label.
  int line4 = 0;
  for (const auto& issue : doc.issues) line4 += issue.line == 4;
  EXPECT_EQ(line4, 1);
}

TEST(LrcParser, UnicodeDigitsAndUnderscoresFollowPython) {
  // Arabic-Indic digits are decimal digits for int()/float(); '_' between digits too.
  const auto doc = parse_lrc("[٠١:0_2.5_]x\n");
  ASSERT_EQ(doc.lines.size(), 1u);
  EXPECT_DOUBLE_EQ(doc.lines[0].time, 62.5);
}

}  // namespace
