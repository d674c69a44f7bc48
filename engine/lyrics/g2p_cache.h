// Memo of line G2P results, so re-analysing a song after one keystroke only runs
// espeak-ng on the edited line. Safe because a line's result never depends on other
// lines (the voice is re-selected per chunk). Thread-safe; bounded.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "lyrics/g2p.h"
#include "lyrics/line_g2p.h"

namespace drs::lyrics {

struct LineOutcome {
  bool ok = false;
  G2pResult result;        // when ok
  std::string error_code;  // when !ok
  int error_column = 0;
  std::string error_message;
};

class G2pCache {
 public:
  // English only (Chinese runs are reported as not supported), or with a front end for
  // the second language, like LineG2p.
  G2pCache() = default;
  explicit G2pCache(std::shared_ptr<const LanguageG2p> second_language)
      : g2p_(std::move(second_language)) {}

  // The process-wide English-only cache.
  static G2pCache& instance();
  // The process-wide cache for a second-language front end (nullptr: instance()). One
  // memo per front end, because the same text converts differently with another one;
  // the registry keeps the last few front ends (and their memos) alive.
  static std::shared_ptr<G2pCache> shared(const std::shared_ptr<const LanguageG2p>& second);

  // Runs the line G2P (or returns the remembered outcome). Errors other than
  // G2pError (espeak-ng missing, ...) propagate.
  LineOutcome convert(const std::u32string& lyric);

 private:
  static constexpr std::size_t kMaxEntries = 8192;
  std::mutex mutex_;
  std::unordered_map<std::u32string, LineOutcome> entries_;
  LineG2p g2p_;
};

}  // namespace drs::lyrics
