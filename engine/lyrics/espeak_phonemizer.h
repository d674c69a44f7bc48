// The one owner of libespeak-ng in the process. espeak-ng keeps global state, so every
// call goes through this object and a mutex. It reproduces phonemizer's EspeakWrapper:
// IPA output, '_' between phonemes, one clause per espeak_TextToPhonemes call.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

namespace drs::lyrics {

class EspeakPhonemizer {
 public:
  // Initialises espeak-ng on first use; throws drs::Error(ModelMissing) when the
  // library cannot find its data or the American English voice.
  static EspeakPhonemizer& instance();

  // Raw phonemes of one text chunk: the clause results joined with one space
  // (README "raw_espeak_output"), before any post-processing.
  std::string phonemize(std::string_view utf8_text);

  [[nodiscard]] const std::string& voice() const { return voice_; }

  EspeakPhonemizer(const EspeakPhonemizer&) = delete;
  EspeakPhonemizer& operator=(const EspeakPhonemizer&) = delete;

 private:
  EspeakPhonemizer();
  void select_voice();

  std::mutex mutex_;
  std::string voice_;         // identifier of the first voice whose language is en-us
  bool voice_clean_ = false;  // no call since the last voice selection could have broken it
};

}  // namespace drs::lyrics
