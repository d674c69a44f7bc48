#include "onnx/op_kernel.h"

#include <memory>

#include "drs/error.h"

namespace drs::onnx {

const at::Tensor& OpCall::in(std::size_t i) const {
  if (!has(i)) fail(*this, "input " + std::to_string(i) + " is missing");
  return inputs[i];
}

const KernelTable& kernels() {
  static const KernelTable table = [] {
    KernelTable t;
    add_elementwise_kernels(t);
    add_shape_kernels(t);
    add_reduce_and_nn_kernels(t);
    return t;
  }();
  return table;
}

void fail(const OpCall& call, const std::string& what) {
  throw Error(ErrorKind::ModelCorrupt, call.where() + ": " + what);
}

std::vector<std::int64_t> int_values(const at::Tensor& t, const OpCall& call) {
  if (t.dim() > 1) fail(call, "expected a scalar or a 1-D list of integers");
  if (at::isFloatingType(t.scalar_type()) || t.scalar_type() == at::kBool)
    fail(call, "expected integers, got " + std::string(c10::toString(t.scalar_type())));
  const auto values = t.to(at::kLong).contiguous();
  const auto* p = values.data_ptr<std::int64_t>();
  return {p, p + values.numel()};
}

std::int64_t axis_index(std::int64_t axis, std::int64_t rank, const OpCall& call) {
  if (axis < -rank || axis >= rank)
    fail(call,
         "axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
  return axis < 0 ? axis + rank : axis;
}

std::optional<std::vector<std::int64_t>> axes_of(const OpCall& call, const char* name,
                                                 std::size_t input) {
  if (auto attr = call.node.get_ints(name)) return attr;
  if (call.has(input)) return int_values(call.inputs[input], call);
  return std::nullopt;
}

at::ScalarType to_scalar_type(DataType type, const std::string& where) {
  switch (type) {
    case DataType::Float: return at::kFloat;
    case DataType::Double: return at::kDouble;
    case DataType::Float16: return at::kHalf;
    case DataType::BFloat16: return at::kBFloat16;
    case DataType::Int8: return at::kChar;
    case DataType::UInt8: return at::kByte;
    case DataType::Int16: return at::kShort;
    case DataType::Int32: return at::kInt;
    case DataType::Int64: return at::kLong;
    case DataType::Bool: return at::kBool;
    default:
      throw Error(ErrorKind::ModelCorrupt,
                  where + ": element type " + to_string(type) + " is not supported");
  }
}

at::Tensor to_torch(Tensor&& tensor, const std::string& where) {
  const auto dtype = to_scalar_type(tensor.type, where + ", tensor '" + tensor.name + "'");
  if (tensor.data.empty()) return at::empty(tensor.dims, at::TensorOptions().dtype(dtype));
  // The bytes move into a holder the Torch tensor frees: no second copy of the weights.
  auto holder = std::make_shared<std::vector<std::uint8_t>>(std::move(tensor.data));
  void* data = holder->data();
  auto deleter = [holder](void*) mutable { holder.reset(); };
  auto result = at::from_blob(data, tensor.dims, deleter, at::TensorOptions().dtype(dtype));
  if (reinterpret_cast<std::uintptr_t>(data) % at::elementSize(dtype) != 0)
    return result.clone();  // misaligned for the element type: copy once
  return result;
}

}  // namespace drs::onnx
