#include "lyrics/line_g2p.h"

namespace drs::lyrics {
namespace {

[[noreturn]] void fail_without_language(std::u32string_view lyric) {
  if (lyric.empty())
    throw G2pError("empty-lyric", 0,
                   "timestamp without lyric text: kept as a silent (instrumental) line; the "
                   "official DiffRhythm would reject the whole file");
  throw G2pError("no-letters", 1,
                 "line has no letter A-Z: kept as a silent line; the official DiffRhythm "
                 "would reject the whole file (write numbers and symbols as words)");
}

void append(G2pResult& total, G2pResult&& part) {
  total.phonemes += part.phonemes;
  total.phonemes += '|';
  total.tokens.insert(total.tokens.end(), part.tokens.begin(), part.tokens.end());
  for (auto& note : part.notes) total.notes.push_back(std::move(note));
}

}  // namespace

const LanguageG2p* LineG2p::front_end(Language language) const {
  switch (language) {
    case Language::English: return &english_;
    case Language::Chinese: return chinese_.get();
    case Language::None: break;
  }
  return nullptr;
}

G2pResult LineG2p::convert(std::u32string_view lyric) const {
  const auto runs = split_language_runs(lyric);
  G2pResult total;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const LanguageRun& run = runs[i];
    const int column = static_cast<int>(run.offset) + 1;
    if (run.language == Language::None) fail_without_language(lyric);
    const LanguageG2p* g2p = front_end(run.language);
    if (g2p == nullptr)
      throw G2pError("unsupported-language", column,
                     std::string(language_name(run.language)) +
                         " lyrics are not supported yet: this line is left silent");
    append(total, g2p->convert(run.text, column));

    // The reference drops the word boundary that ends a final English run.
    const bool last = i + 1 == runs.size();
    if (last && run.language == Language::English) {
      if (total.phonemes.size() < 2)
        throw G2pError("no-phonemes", column, "espeak-ng produced no phonemes for this line");
      if (total.phonemes[total.phonemes.size() - 2] == '_') {
        total.phonemes.resize(total.phonemes.size() - 2);
        if (!total.tokens.empty()) total.tokens.pop_back();
      }
    }
  }
  return total;
}

}  // namespace drs::lyrics
