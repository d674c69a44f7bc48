#include "lyrics/espeak_phonemizer.h"

#include <espeak-ng/speak_lib.h>

#include <cstring>

#include "drs/error.h"

namespace drs::lyrics {
namespace {

// IPA (bit 1) with '_' as the phoneme separator (bits 8-23), no tie character.
constexpr int kPhonemeMode = 0x02 | ('_' << 8);

// phonemizer's choice: the first listed voice whose (first) language is "en-us".
std::string find_american_voice() {
  const espeak_VOICE** voices = espeak_ListVoices(nullptr);
  for (; voices && *voices; ++voices) {
    const espeak_VOICE* v = *voices;
    // `languages` is a list of (priority byte, NUL-terminated name); read the first.
    if (v->languages && v->identifier && std::strcmp(v->languages + 1, "en-us") == 0)
      return v->identifier;
  }
  return "en-us";
}

bool is_plain_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return false;
  return true;
}

}  // namespace

EspeakPhonemizer& EspeakPhonemizer::instance() {
  static EspeakPhonemizer owner;  // thread-safe initialisation (magic static)
  return owner;
}

EspeakPhonemizer::EspeakPhonemizer() {
  // DONT_EXIT: without it espeak-ng calls exit() when its data is missing; it does not
  // change any phoneme output.
  if (espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT) < 0)
    throw Error(ErrorKind::ModelMissing,
                "espeak-ng could not be initialised (is espeak-ng-data installed?)");
  voice_ = find_american_voice();
  select_voice();
  voice_clean_ = true;
}

void EspeakPhonemizer::select_voice() {
  if (espeak_SetVoiceByName(voice_.c_str()) != EE_OK)
    throw Error(ErrorKind::ModelMissing, "espeak-ng has no voice '" + voice_ + "'");
}

std::string EspeakPhonemizer::phonemize(std::string_view utf8_text) {
  const std::string text(utf8_text);  // espeak needs a NUL-terminated buffer
  std::lock_guard lock(mutex_);
  // Re-selecting the voice undoes espeak-ng 1.51's state leak (README §3.5) so the
  // result never depends on what was phonemised before. Each re-selection leaks about
  // 1.3 kB inside espeak-ng, so it is skipped while only plain ASCII text has been
  // phonemised since the last one: the leak needs non-ASCII input (Hangul) to start.
  if (!voice_clean_) select_voice();
  voice_clean_ = is_plain_ascii(text);
  std::string raw;
  const void* cursor = text.c_str();
  while (cursor != nullptr) {
    const void* before = cursor;
    const char* clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, kPhonemeMode);
    if (cursor == before) break;  // defensive: never spin if espeak does not advance
    if (clause == nullptr || *clause == '\0') continue;
    if (!raw.empty()) raw.push_back(' ');
    raw += clause;  // copy now: espeak reuses the buffer
  }
  return raw;
}

}  // namespace drs::lyrics
