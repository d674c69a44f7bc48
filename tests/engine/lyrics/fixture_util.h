// Small helpers for the lyrics golden tests: base64 and float16 rounding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace drs::test {

std::string base64_decode(std::string_view text);
std::string base64_encode(std::string_view bytes);
// IEEE binary16 bits of a float (round to nearest even), as torch's .half() gives.
uint16_t float_to_half_bits(float value);

}  // namespace drs::test
