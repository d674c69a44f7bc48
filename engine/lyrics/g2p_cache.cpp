#include "lyrics/g2p_cache.h"

#include <map>

namespace drs::lyrics {
namespace {

// A program plugs in one or two front ends; more than this means caches are being
// made per request, and dropping them all only costs a re-conversion.
constexpr std::size_t kMaxFrontEnds = 4;

}  // namespace

G2pCache& G2pCache::instance() {
  return *shared(nullptr);
}

std::shared_ptr<G2pCache> G2pCache::shared(const std::shared_ptr<const LanguageG2p>& second) {
  static const auto english_only = std::make_shared<G2pCache>();
  if (!second) return english_only;
  static std::mutex mutex;
  // Keyed by address: each cache owns its front end, so an address cannot be reused
  // while its entry exists. Callers hold their cache, so clearing the map is safe.
  static std::map<const LanguageG2p*, std::shared_ptr<G2pCache>> caches;
  std::lock_guard lock(mutex);
  if (auto it = caches.find(second.get()); it != caches.end()) return it->second;
  if (caches.size() >= kMaxFrontEnds) caches.clear();
  auto cache = std::make_shared<G2pCache>(second);
  caches.emplace(second.get(), cache);
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
  // Missing data is not the line's fault and may be installed while the editor is
  // open: ask again next time instead of remembering the failure.
  if (outcome.error_code == "chinese-data-missing" || outcome.error_code == "chinese-data-corrupt")
    return outcome;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();  // simple bound, rarely hit
  entries_.emplace(lyric, outcome);
  return outcome;
}

}  // namespace drs::lyrics
