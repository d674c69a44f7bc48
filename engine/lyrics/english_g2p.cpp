#include "lyrics/english_g2p.h"

#include <cstdio>

#include "lyrics/char_class.h"
#include "lyrics/english_normalizer.h"
#include "lyrics/espeak_phonemizer.h"
#include "lyrics/phone_merges.h"
#include "lyrics/phoneme_postprocess.h"
#include "lyrics/punctuation_split.h"
#include "lyrics/utf8.h"
#include "lyrics/vocabulary.h"

namespace drs::lyrics {
namespace {

// Phones after which the reference appends a word boundary "|_" to a run.
bool ends_in_phone(std::u32string_view phones) {
  static constexpr std::u32string_view kPhones = U"p⁼ʰmftnlkxʃs`ɹaoəɛɪeɑʊŋiuɥwæjː";
  return !phones.empty() && kPhones.find(phones.back()) != std::u32string_view::npos;
}

// Punctuation and symbols a writer uses on purpose and expects to be silent.
bool is_expected_silent(char32_t c) {
  if (c < 0x80) return true;
  return (c >= 0x2010 && c <= 0x2015) || (c >= 0x2018 && c <= 0x201F) || c == U'«' || c == U'»' ||
         c == U'·' || c == U'・' || c == U'⋯' || c == U'，' || c == U'。' || c == U'！' ||
         c == U'？' || c == U'；' || c == U'：' || c == U'、';
}

std::string code_point_label(char32_t c) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
  return "'" + to_utf8(std::u32string(1, c)) + "' (" + hex + ")";
}

void note_dropped_characters(std::u32string_view run, int column, std::vector<G2pNote>& notes) {
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (!is_dropped_character(run[i]) || is_expected_silent(run[i])) continue;
    notes.push_back({column + static_cast<int>(i), Severity::Info, "ignored-character",
                     code_point_label(run[i]) + " is not pronounced and is left out"});
  }
}

// "I'm" is phonemised as "I" + "m", and a lone letter is spelled ("em"): the official
// behaviour, but a surprise worth telling the writer about.
void note_spelled_letters(const std::vector<TextPiece>& pieces, std::vector<G2pNote>& notes) {
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    const std::u32string_view text = strip_spaces(pieces[i].text);
    const bool after_apostrophe =
        pieces[i - 1].is_marks && pieces[i - 1].text.find(U'\'') != std::u32string::npos;
    if (pieces[i].is_marks || !after_apostrophe || text.empty()) continue;
    const auto first_space = text.find(U' ');
    const std::u32string_view word = text.substr(0, first_space);
    if (word.size() == 1 && is_ascii_letter(word[0]))
      notes.push_back({0, Severity::Info, "spelled-letter",
                       "'" + to_utf8(word) +
                           "' after an apostrophe is sung as the letter name "
                           "(as in the official model); write the full word to avoid it"});
  }
}

std::vector<int64_t> to_tokens(const std::string& phonemes, std::vector<std::string>& unknown) {
  std::vector<int64_t> tokens;
  const auto& vocab = Vocabulary::builtin();
  std::size_t start = 0;
  for (std::size_t i = 0; i <= phonemes.size(); ++i) {
    if (i < phonemes.size() && phonemes[i] != '|') continue;
    const std::string_view piece = std::string_view(phonemes).substr(start, i - start);
    if (auto id = vocab.token(piece)) {
      tokens.push_back(*id);
    } else if (!piece.empty()) {
      unknown.emplace_back(piece);  // silently dropped by the reference; we tell
    }
    start = i + 1;
  }
  return tokens;
}

}  // namespace

G2pResult EnglishG2p::convert(std::u32string_view run, int column) const {
  G2pResult result;
  note_dropped_characters(run, column, result.notes);

  const std::u32string normalized = normalize_english(run);
  const auto pieces = split_punctuation(normalized);
  note_spelled_letters(pieces, result.notes);
  std::vector<std::u32string> chunk_phones;
  bool foreign = false;
  auto& espeak = EspeakPhonemizer::instance();
  for (const auto& piece : pieces) {
    if (piece.is_marks) continue;
    const ChunkPhones chunk = postprocess_chunk(to_u32(espeak.phonemize(to_utf8(piece.text))));
    foreign = foreign || chunk.language_switch;
    chunk_phones.push_back(chunk.phones);
  }
  std::u32string phones = apply_phone_merges(assemble_line(pieces, chunk_phones));
  if (ends_in_phone(phones)) phones += U"|_";

  result.phonemes = to_utf8(phones);
  std::vector<std::string> unknown;
  result.tokens = to_tokens(result.phonemes, unknown);
  if (foreign)
    result.notes.push_back({0, Severity::Info, "foreign-word",
                            "espeak-ng read part of this line as another language"});
  for (const auto& piece : unknown)
    result.notes.push_back({0, Severity::Warning, "unknown-phoneme",
                            "phoneme '" + piece +
                                "' is not in the model's vocabulary and is "
                                "dropped"});
  return result;
}

}  // namespace drs::lyrics
