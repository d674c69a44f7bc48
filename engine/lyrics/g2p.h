// Grapheme-to-phoneme interface shared by the language front ends. One implementation
// per language (English now; Chinese later), selected per language run of a line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "drs/error.h"
#include "drs/lyrics.h"

namespace drs::lyrics {

// Something worth telling the writer about one line. `column` is 1-based within the
// lyric text (0 = the whole line); the caller turns it into a document position.
struct G2pNote {
  int column = 0;
  Severity severity = Severity::Info;
  std::string code;
  std::string message;
};

struct G2pResult {
  std::string phonemes;         // '|'-separated phones, marks and '_' word boundaries
  std::vector<int64_t> tokens;  // model token ids (vocab index + 1)
  std::vector<G2pNote> notes;
};

// Thrown where the reference G2P raises (no letters, unsupported language, numbers it
// cannot spell, ...). The line then contributes no phonemes.
class G2pError : public Error {
 public:
  G2pError(std::string code, int column, const std::string& message)
      : Error(ErrorKind::BadInput, message), code_(std::move(code)), column_(column) {}
  [[nodiscard]] const std::string& code() const { return code_; }
  [[nodiscard]] int column() const { return column_; }

 private:
  std::string code_;
  int column_;
};

class LanguageG2p {
 public:
  virtual ~LanguageG2p() = default;
  // One run of a single language; `column` is where the run starts in the lyric
  // (1-based), for notes.
  [[nodiscard]] virtual G2pResult convert(std::u32string_view run, int column) const = 0;
};

}  // namespace drs::lyrics
