// Mapping between safetensors dtype strings and ATen scalar types.
#pragma once

#include <ATen/ATen.h>

#include <optional>
#include <string_view>

namespace drs {

std::optional<at::ScalarType> safetensors_dtype(std::string_view name);
// Throws drs::Error(Output) for dtypes safetensors cannot represent.
std::string_view safetensors_dtype_name(at::ScalarType type);

}  // namespace drs
