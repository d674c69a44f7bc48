// The Snake activation as one pass over a row of samples on the CPU:
// y = x + (root · sin(frequency · x))², computed in float32 whatever the storage type.
// Through ATen the same formula takes four passes over the data, and in bfloat16 each of
// them rounds and LibTorch's bfloat16 sine runs scalar: in a bf16 decode the activations
// cost more than the convolutions. A row is either one channel over time ([B, C, T]
// storage: one frequency and root) or one time step over the channels (time-major
// storage, vae/time_major.h: per-channel constants).
#pragma once

#include <cstdint>
#include <span>

namespace drs {

// x and y have the same length; y may be x (in place).
void snake_row(std::span<const float> x, float frequency, float root, std::span<float> y);

// bfloat16 storage (raw bits): widened, computed in float32, rounded once to nearest even.
void snake_row(std::span<const std::uint16_t> x, float frequency, float root,
               std::span<std::uint16_t> y);

// One time step of time-major storage: x[c] with frequency[c] and root[c]; all four
// spans have the same length (the channel count).
void snake_step(std::span<const float> x, std::span<const float> frequency,
                std::span<const float> root, std::span<float> y);
void snake_step(std::span<const std::uint16_t> x, std::span<const float> frequency,
                std::span<const float> root, std::span<std::uint16_t> y);

}  // namespace drs
