#include "lyrics/g2p_cache.h"

namespace drs::lyrics {

G2pCache& G2pCache::instance() {
  static G2pCache cache;
  return cache;
}

LineOutcome G2pCache::convert(const std::u32string& lyric) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(lyric); it != entries_.end()) return it->second;
  }
  LineOutcome outcome;
  try {
    outcome.result = g2p_.convert(lyric);
    outcome.ok = true;
  } catch (const G2pError& e) {
    outcome.error_code = e.code();
    outcome.error_column = e.column();
    outcome.error_message = e.what();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::BadInput) throw;  // espeak-ng missing etc.: not the line's fault
    outcome.error_code = "g2p-failed";
    outcome.error_message = std::string("cannot convert this line: ") + e.what();
  }
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();  // simple bound, rarely hit
  entries_.emplace(lyric, outcome);
  return outcome;
}

}  // namespace drs::lyrics
