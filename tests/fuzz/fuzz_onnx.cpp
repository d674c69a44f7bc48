// Fuzz target: the Torch-free ONNX reader (engine/onnx/onnx_model) on arbitrary bytes.
// None may crash; every refusal is a drs::Error; an accepted tensor's bytes must match
// its shape and type, and the typed attribute accessors must only ever throw drs::Error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drs/error.h"
#include "onnx/onnx_model.h"

namespace {

void check_tensor(const drs::onnx::Tensor& t) {
  const auto width = drs::onnx::element_size(t.type);
  if (width == 0) std::abort();  // accepted a type without a fixed size
  for (const auto d : t.dims)
    if (d < 0) std::abort();
  if (t.data.size() != static_cast<std::size_t>(t.element_count()) * width) std::abort();
}

void read_attributes(const drs::onnx::Node& node) {
  for (const auto& a : node.attributes) {
    for (const auto& t : a.tensors) check_tensor(t);
    try {
      (void)node.get_int(a.name, 0);
    } catch (const drs::Error&) {
    }
    try {
      (void)node.get_float(a.name, 0);
    } catch (const drs::Error&) {
    }
    try {
      (void)node.get_ints(a.name);
    } catch (const drs::Error&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto model = drs::onnx::parse_model(std::span(data, size), "fuzz.onnx");
    (void)model.default_opset();
    for (const auto& t : model.graph.initializers) check_tensor(t);
    for (const auto& n : model.graph.nodes) {
      read_attributes(n);
      (void)n.describe();
    }
  } catch (const drs::Error&) {
  }
  return 0;
}
