#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "drs/error.h"
#include "mulan/demo_support.h"
#include "mulan/sentencepiece_model.h"
#include "mulan/xlmr_tokenizer.h"
#include "support/reference.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

fs::path fixture_tokenizer() {
  const auto fixtures = drs::test::find_fixtures("mulan_text");
  if (fixtures.empty()) return {};
  return fixtures.front().dir() /
         fixtures.front().json.at("sentencepiece_model").get<std::string>();
}

std::vector<std::vector<int>> spm_encode(const fs::path& model,
                                         const std::vector<std::string>& lines) {
  const drs::test::TempDir temp("spm-in");
  const auto input = temp / "input.txt";
  {
    std::ofstream out(input);
    for (const auto& l : lines) out << l << '\n';
  }
  const std::string command = std::string(DRS_SPM_ENCODE) + " --model '" + model.string() +
                              "' --output_format=id < '" + input.string() + "'";
  std::vector<std::vector<int>> result;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[1 << 16];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
      std::istringstream in(buffer);
      std::vector<int> ids;
      for (int id; in >> id;) ids.push_back(id);
      result.push_back(ids);
    }
    ::pclose(pipe);
  }
  return result;
}

// Encodes `count` random strings drawn from `alphabet` with our reader and with
// libsentencepiece (run as a separate process: it cannot share a process with LibTorch)
// and fails on every difference.
void cross_check(const fs::path& model_path, const std::vector<std::string>& alphabet, int count) {
  std::mt19937 rng(42);
  std::vector<std::string> lines;
  for (int i = 0; i < count; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
    lines.push_back(s);
  }
  const auto model = drs::SentencePieceModel::load(model_path);
  const auto reference = spm_encode(model_path, lines);
  ASSERT_EQ(reference.size(), lines.size());
  int exact = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto ours = model.encode(lines[i]);
    if (ours == reference[i])
      ++exact;
    else
      ADD_FAILURE() << "differs on '" << lines[i] << "'";
  }
  std::printf("sentencepiece %s: %d/%zu random prompts identical to spm_encode\n",
              model_path.filename().c_str(), exact, lines.size());
}

// Random prompts mixing ASCII, repeated/odd whitespace, accents, CJK, full-width
// forms, ligatures and emoji: our reader must segment exactly like libsentencepiece.
TEST(SentencePiece, MatchesTheReferenceImplementationOnRandomText) {
  const auto model_path = fixture_tokenizer();
  ASSERT_FALSE(model_path.empty());
  if (!fs::exists(DRS_SPM_ENCODE)) GTEST_SKIP() << "spm_encode not installed";
  cross_check(model_path, {"a",        "e",   "o",    "s",      "t",   "p",      "B",  "Z", "1",
                           "0",        " ",   "  ",   "\t",     ",",   ".",      "'",  "é", "ü",
                           "ñ",        "中",  "文",   "歌",     "🎸",   "Ａ",     "１", "ﬁ", "…",
                           "\xC2\xA0", "pop", "rock", "vocals", "bpm", "guitar", "ß",  "İ", "ﾊﾟ"},
              1500);
}

// A model trained by spm_train with a small custom rule set (full-width A/a, circled 1,
// the fi ligature, ideographic space, and the two-code-point rule A + U+0301 -> Á):
// exercises the charsmap trie on multi-code-point keys and one-to-many mappings.
TEST(SentencePiece, MatchesTheReferenceWithACustomCharsmap) {
  if (!fs::exists(DRS_SPM_ENCODE)) GTEST_SKIP() << "spm_encode not installed";
  cross_check(fs::path(DRS_MULAN_TEST_DATA) / "custom_charsmap.model",
              {"A", "a", "\xCC\x81", "Ａ", "ａ", "①", "ﬁ", "\xE3\x80\x80", " ", "  ", "rock",
               "folk", "piano", "x", "é", "中"},
              1000);
}

TEST(XlmrTokenizer, WrapsWithSpecialTokensAndTruncates) {
  const auto model_path = fixture_tokenizer();
  ASSERT_FALSE(model_path.empty());
  const auto tokenizer = drs::XlmrTokenizer::load(model_path);
  const auto empty = tokenizer.encode("", 512);
  EXPECT_EQ(empty, (std::vector<int64_t>{0, 2}));
  std::string long_prompt;
  for (int i = 0; i < 600; ++i) long_prompt += "pop rock ";
  bool truncated = false;
  const auto ids = tokenizer.encode(long_prompt, 512, &truncated);
  EXPECT_TRUE(truncated);
  EXPECT_EQ(ids.size(), 512u);
  EXPECT_EQ(ids.front(), 0);
  EXPECT_EQ(ids.back(), 2);
}

TEST(SentencePiece, WrittenDemoModelLoadsAndHasNoUnknownsForEnglish) {
  const drs::test::TempDir temp("demo-spm");
  const auto path = temp / "demo.model";
  drs::write_sentencepiece_model(path, drs::demo_tokenizer_pieces());
  const auto model = drs::SentencePieceModel::load(path);
  const auto ids = model.encode("Upbeat pop, female vocals, 120 BPM!");
  EXPECT_FALSE(ids.empty());
  for (const int id : ids) EXPECT_NE(id, model.unk_id());
  if (fs::exists(DRS_SPM_ENCODE)) {
    EXPECT_EQ(spm_encode(path, {"Upbeat pop, female vocals, 120 BPM!"}).at(0), ids);
  }
}

TEST(SentencePiece, CorruptModelsAreClearErrors) {
  const std::vector<std::uint8_t> truncated{0x0a, 0x20, 0x0a};
  EXPECT_THROW(drs::SentencePieceModel::parse(truncated, "bad.model"), drs::Error);
  const std::vector<std::uint8_t> empty;
  EXPECT_THROW(drs::SentencePieceModel::parse(empty, "empty.model"), drs::Error);
  try {
    drs::SentencePieceModel::load("/nonexistent/sentencepiece.bpe.model");
    FAIL();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
  }
}

}  // namespace
