// Sample-rate conversion with libsoxr at its "high quality" setting (the recipe
// librosa calls soxr_hq), so references at any rate reach the models' 44.1 kHz (VAE)
// or 24 kHz (MuQ) the way the official Python path gets there.
#pragma once

#include <span>
#include <vector>

namespace drs {

// Interleaved float samples at `from_rate` -> interleaved at `to_rate`, the same
// channel count; the output has round(frames * to_rate / from_rate) frames. Equal
// rates return a copy. Throws drs::Error(Internal) with soxr's message on failure.
std::vector<float> resample(std::span<const float> interleaved, int channels, int from_rate,
                            int to_rate);

}  // namespace drs
