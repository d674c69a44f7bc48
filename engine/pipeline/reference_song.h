// A reference song prepared for the VAE encoder as the official edit path prepares it
// (MODEL.md 6.3): 44.1 kHz, stereo, peak at -6 dBFS.
#pragma once

#include <ATen/ATen.h>

#include <filesystem>

namespace drs {

// [1, 2, S] float32 on the CPU. Other rates are resampled (libsoxr, high quality), mono
// is duplicated, more than two channels keep the first two (as upstream). Throws
// drs::Error(BadInput) for an unreadable or silent file (no peak to scale by).
at::Tensor load_reference_song(const std::filesystem::path& path);

}  // namespace drs
