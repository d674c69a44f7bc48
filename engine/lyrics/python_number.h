// Python's int() and float() string syntax, which the official LRC parser applies to
// the timestamp fields: surrounding whitespace, a sign, '_' between digits, decimal
// digits of any script, and for float also exponents, ".5", "5.", inf and nan.
#pragma once

#include <optional>
#include <string_view>

namespace drs::lyrics {

std::optional<long long> parse_python_int(std::u32string_view text);
std::optional<double> parse_python_float(std::u32string_view text);

}  // namespace drs::lyrics
