// The negative style prompt of the unconditional (CFG) pass: the official vocal.npy,
// embedded into the library at build time (resources/data, Apache-2.0, see NOTICE).
#pragma once

#include <span>
#include <vector>

namespace drs {

// 512 float32 values. Throws drs::Error(Internal) if the embedded file is malformed.
std::vector<float> negative_style_embedding();

// Parses a NumPy .npy image holding little-endian float32 data (shape checked by the
// caller). Throws drs::Error(ModelCorrupt) with the reason otherwise.
std::vector<float> parse_npy_float32(std::span<const unsigned char> bytes);

}  // namespace drs
