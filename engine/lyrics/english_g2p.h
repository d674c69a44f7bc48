// The English front end: normalisation, punctuation split, espeak-ng per chunk,
// phonemizer post-processing, phone merges and vocabulary ids (g2p README §3).
#pragma once

#include "lyrics/g2p.h"

namespace drs::lyrics {

class EnglishG2p final : public LanguageG2p {
 public:
  [[nodiscard]] G2pResult convert(std::u32string_view run, int column) const override;
};

}  // namespace drs::lyrics
