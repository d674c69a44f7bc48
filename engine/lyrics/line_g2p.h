// G2P of one lyric line (the reference chn_eng_g2p + CNENTokenizer.encode): the line
// is cut into language runs, each run goes to its language's front end, and the
// results are joined; a final English run loses its trailing word boundary.
#pragma once

#include <memory>
#include <string_view>

#include "lyrics/english_g2p.h"
#include "lyrics/g2p.h"
#include "lyrics/language_runs.h"

namespace drs::lyrics {

class LineG2p {
 public:
  LineG2p() = default;  // English only: Chinese runs are reported as not supported yet
  // With a Chinese front end (MODEL.md §4.4) once one exists. Shared, so a G2pCache and
  // the caller can hold the same one; a std::unique_ptr converts.
  explicit LineG2p(std::shared_ptr<const LanguageG2p> chinese) : chinese_(std::move(chinese)) {}

  // Throws G2pError where the reference raises; the message says what to change.
  [[nodiscard]] G2pResult convert(std::u32string_view lyric) const;

 private:
  // nullptr for a language without a front end.
  [[nodiscard]] const LanguageG2p* front_end(Language language) const;

  EnglishG2p english_;
  std::shared_ptr<const LanguageG2p> chinese_;
};

}  // namespace drs::lyrics
