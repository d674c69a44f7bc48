#include "ui/run/decoded_so_far.h"

namespace drs::ui {

void DecodedSoFar::append(const AudioChunk& chunk) {
  if (chunk.take < 0 || chunk.channels <= 0) return;
  if (static_cast<std::size_t>(chunk.take) >= takes_.size())
    takes_.resize(static_cast<std::size_t>(chunk.take) + 1);
  auto& take = takes_[static_cast<std::size_t>(chunk.take)];
  if (chunk.first_frame == 0) take = Partial{{}, chunk.channels, chunk.sample_rate, 0.0f};
  take.gain = listening_gain(take.gain, chunk);
  const float gain = take.gain > 0 ? take.gain : 1.0f;
  take.samples.reserve(static_cast<std::size_t>(chunk.total_frames * chunk.channels));
  for (const float x : chunk.samples) take.samples.push_back(x * gain);
}

double DecodedSoFar::seconds() const {
  double total = 0;
  for (const auto& take : takes_)
    total += static_cast<double>(take.samples.size()) / take.channels / take.sample_rate;
  return total;
}

std::vector<Take> DecodedSoFar::takes(std::optional<std::uint64_t> seed) const {
  std::vector<Take> out;
  for (std::size_t k = 0; k < takes_.size(); ++k) {
    const auto& partial = takes_[k];
    if (partial.samples.empty()) continue;
    Take take;
    take.audio = partial.samples;
    take.channels = partial.channels;
    take.sample_rate = partial.sample_rate;
    take.seed = seed ? *seed + k : 0;
    out.push_back(std::move(take));
  }
  return out;
}

}  // namespace drs::ui
