// The audio of a run's takes decoded so far, collected from its chunks
// (drs::AudioChunk), so that a run cancelled while decoding can keep it as partial takes
// when the user asks (by default it is discarded). The samples are kept as they were
// heard: at drs::listening_gain, 1 / the peak so far, not peak-normalised.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "drs/audio_chunk.h"
#include "drs/engine.h"

namespace drs::ui {

class DecodedSoFar {
 public:
  void clear() { takes_.clear(); }
  // Chunks must arrive in order within each take (the engine delivers them so).
  void append(const AudioChunk& chunk);
  [[nodiscard]] bool empty() const { return seconds() <= 0; }
  [[nodiscard]] double seconds() const;  // of every take, together
  // One partial take per take that has audio; take k's seed is `seed` + k when known.
  [[nodiscard]] std::vector<Take> takes(std::optional<std::uint64_t> seed) const;

 private:
  struct Partial {
    std::vector<float> samples;
    int channels = 2;
    int sample_rate = 44100;
    float gain = 0;
  };
  std::vector<Partial> takes_;
};

}  // namespace drs::ui
