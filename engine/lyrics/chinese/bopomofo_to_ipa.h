#pragma once
// The run's bopomofo string to the '|'-separated phoneme pieces of the vocabulary
// (g2p_zh README §4.8): the official replacement table (pairs first, tones as arrows),
// the apical vowel ɹ after retroflex and dental sibilants, clean-up of characters the
// vocabulary cannot hold, and the marks as pieces of their own.

#include <string>
#include <string_view>

namespace drs::lyrics::zh {

// Step 1 only (the replacement table), for diagnosis.
std::u32string bopomofo_to_ipa_raw(std::u32string_view bopomofo);

std::u32string bopomofo_to_ipa(std::u32string_view bopomofo);

}  // namespace drs::lyrics::zh
