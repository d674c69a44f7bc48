#include "weights/safetensors_dtype.h"

#include <array>
#include <string>
#include <utility>

#include "drs/error.h"

namespace drs {
namespace {

constexpr std::array<std::pair<std::string_view, at::ScalarType>, 11> kDtypes{{
    {"F32", at::kFloat},
    {"F16", at::kHalf},
    {"BF16", at::kBFloat16},
    {"F64", at::kDouble},
    {"I64", at::kLong},
    {"I32", at::kInt},
    {"I16", at::kShort},
    {"I8", at::kChar},
    {"U8", at::kByte},
    {"BOOL", at::kBool},
    {"C64", at::kComplexFloat},
}};

}  // namespace

std::optional<at::ScalarType> safetensors_dtype(std::string_view name) {
  for (const auto& [key, type] : kDtypes)
    if (key == name) return type;
  return std::nullopt;
}

std::string_view safetensors_dtype_name(at::ScalarType type) {
  for (const auto& [key, value] : kDtypes)
    if (value == type) return key;
  throw Error(ErrorKind::Output,
              std::string("safetensors cannot store dtype ") + c10::toString(type));
}

}  // namespace drs
