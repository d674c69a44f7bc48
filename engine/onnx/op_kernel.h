// One ONNX operator as a LibTorch function, with the helpers the kernels share.
// Kernels implement the operator's ONNX semantics (numpy broadcasting, negative axes,
// the opset-dependent forms of attributes vs inputs), not Torch's.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "onnx/onnx_model.h"

namespace drs::onnx {

struct OpCall {
  const Node& node;
  std::int64_t opset;                  // of the ai.onnx domain
  std::span<const at::Tensor> inputs;  // an undefined tensor is an omitted optional input

  [[nodiscard]] bool has(std::size_t i) const { return i < inputs.size() && inputs[i].defined(); }
  // The i-th input; a drs::Error naming the node when it is missing.
  [[nodiscard]] const at::Tensor& in(std::size_t i) const;
  [[nodiscard]] std::string where() const { return node.describe(); }
};

using Outputs = std::vector<at::Tensor>;
using Kernel = Outputs (*)(const OpCall&);
using KernelTable = std::unordered_map<std::string, Kernel>;

// The registry of every supported op of the default (ai.onnx) domain.
[[nodiscard]] const KernelTable& kernels();
void add_elementwise_kernels(KernelTable& table);
void add_shape_kernels(KernelTable& table);
void add_reduce_and_nn_kernels(KernelTable& table);

// Throws drs::Error(ModelCorrupt) "<node>: <what>".
[[noreturn]] void fail(const OpCall& call, const std::string& what);

// Values of an integer tensor of rank 0 or 1 (shapes, axes, starts...).
[[nodiscard]] std::vector<std::int64_t> int_values(const at::Tensor& t, const OpCall& call);
// An ONNX axis in [-rank, rank) as a non-negative index.
[[nodiscard]] std::int64_t axis_index(std::int64_t axis, std::int64_t rank, const OpCall& call);
// Axes given by attribute `name` (older opsets) or by input `input` (newer ones).
[[nodiscard]] std::optional<std::vector<std::int64_t>> axes_of(const OpCall& call, const char* name,
                                                               std::size_t input);

// ONNX element type <-> Torch dtype (uint16/32/64 and complex have no Torch equivalent).
[[nodiscard]] at::ScalarType to_scalar_type(DataType type, const std::string& where);
// A parsed tensor as a Torch tensor that owns (moves) its bytes.
[[nodiscard]] at::Tensor to_torch(Tensor&& tensor, const std::string& where);

}  // namespace drs::onnx
