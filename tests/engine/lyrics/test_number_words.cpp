// Number wording and text normalisation rules (g2p README §3.2-3.3).
#include <gtest/gtest.h>

#include "drs/error.h"
#include "lyrics/english_normalizer.h"
#include "lyrics/number_words.h"
#include "lyrics/utf8.h"

namespace {

using drs::lyrics::number_words;
using drs::lyrics::ordinal_words;

std::string norm(const std::string& text) {
  return drs::lyrics::to_utf8(drs::lyrics::normalize_english(drs::lyrics::to_u32(text)));
}

TEST(NumberWords, InflectSpelling) {
  EXPECT_EQ(number_words("3456", ""), "three thousand, four hundred fifty-six");
  EXPECT_EQ(number_words("3005", ""), "three thousand five");
  EXPECT_EQ(number_words("1234567", ""),
            "one million, two hundred thirty-four thousand, five hundred sixty-seven");
  EXPECT_EQ(number_words("101", "and"), "one hundred and one");
  EXPECT_EQ(number_words("2024", "and"), "two thousand and twenty-four");
  EXPECT_EQ(number_words("0", ""), "zero");
  EXPECT_EQ(number_words("000", ""), "zero");
  EXPECT_EQ(number_words("1000000", ""), "one million");
  EXPECT_THROW(number_words("1" + std::string(36, '0'), ""), drs::Error);
}

TEST(NumberWords, Ordinals) {
  EXPECT_EQ(ordinal_words("twenty-one"), "twenty-first");
  EXPECT_EQ(ordinal_words("one hundred"), "one hundredth");
  EXPECT_EQ(ordinal_words("zero"), "zeroth");
  EXPECT_EQ(ordinal_words("nineteen"), "nineteenth");
  EXPECT_EQ(ordinal_words("twelve"), "twelfth");
  EXPECT_EQ(ordinal_words("forty"), "fortieth");
}

TEST(NumberWords, YearsAndPasses) {
  EXPECT_EQ(norm("1999"), "nineteen ninetynine");
  EXPECT_EQ(norm("1905"), "nineteen oh five");
  EXPECT_EQ(norm("2000"), "two thousand");
  EXPECT_EQ(norm("2007"), "two thousand seven");
  EXPECT_EQ(norm("1100"), "eleven hundred");
  EXPECT_EQ(norm("24/7"), "twentyfour seventh");
  EXPECT_EQ(norm("1/2"), "one half");
  EXPECT_EQ(norm("3.14"), "three point fourteen");
  EXPECT_EQ(norm("50%"), "fifty percent");
  EXPECT_EQ(norm("$1.50"), "one dollar,fifty cents");
  EXPECT_EQ(norm("$1"), "one dollar");
  EXPECT_EQ(norm("£5"), "five pounds");
  EXPECT_EQ(norm("2nd"), "second");
  EXPECT_EQ(norm("1,2,3,4"), "twelve thirtyfour");
  EXPECT_EQ(norm("3456"), "three thousand,four hundred fiftysix");
  EXPECT_THROW(norm("$,5"), drs::Error);
}

TEST(Normalize, AbbreviationsAndCleanup) {
  EXPECT_EQ(norm("Dr Who"), "doctor Who");
  EXPECT_EQ(norm("Rev it up"), "reverend it up");
  EXPECT_EQ(norm("Co-pilot"), "companypilot");
  EXPECT_EQ(norm("la-la-la"), "lalala");
  EXPECT_EQ(norm("R&B"), "RB");
  EXPECT_EQ(norm("runnin' down"), "runnin'down");
  EXPECT_EQ(norm("wait...."), "wait….");
  EXPECT_EQ(norm("a , b"), "a,b");
  EXPECT_EQ(norm("  tabs\tand   spaces "), "tabs and spaces");
  EXPECT_EQ(norm("你好，world"), "你好,world");
}

}  // namespace
