// Element-wise operators. Torch's broadcasting is ONNX's multidirectional (numpy)
// broadcasting; what differs is spelled out per op (integer Div truncates, Pow keeps
// the base's type, Mod's sign rule, Clip's bounds as attributes or inputs).
#include <cmath>
#include <limits>

#include "onnx/op_kernel.h"

namespace drs::onnx {
namespace {

Outputs div(const OpCall& c) {
  const auto& a = c.in(0);
  const auto& b = c.in(1);
  if (at::isIntegralType(a.scalar_type(), /*includeBool=*/true)) return {at::div(a, b, "trunc")};
  return {at::div(a, b)};
}

Outputs pow(const OpCall& c) {
  const auto& base = c.in(0);
  const auto& exponent = c.in(1);
  // A single exponent (LayerNorm's x^2) as a Scalar: Torch's fast paths for 2, 0.5, ...
  if (exponent.numel() == 1 && exponent.dim() <= base.dim() &&
      at::isFloatingType(base.scalar_type()))
    return {at::pow(base, exponent.item())};
  return {at::pow(base, exponent).to(base.scalar_type())};
}

Outputs mod(const OpCall& c) {
  if (c.node.get_int("fmod", 0) != 0) return {at::fmod(c.in(0), c.in(1))};
  return {at::remainder(c.in(0), c.in(1))};  // the sign of the divisor, as ONNX's integer Mod
}

// Max, Min, Sum, Mean: any number of inputs, broadcast together.
template <at::Tensor (*Combine)(const at::Tensor&, const at::Tensor&)>
Outputs variadic(const OpCall& c) {
  auto result = c.in(0);
  for (std::size_t i = 1; i < c.inputs.size(); ++i) result = Combine(result, c.in(i));
  return {result};
}

at::Tensor add2(const at::Tensor& a, const at::Tensor& b) {
  return at::add(a, b);
}
at::Tensor max2(const at::Tensor& a, const at::Tensor& b) {
  return at::maximum(a, b);
}
at::Tensor min2(const at::Tensor& a, const at::Tensor& b) {
  return at::minimum(a, b);
}

Outputs mean(const OpCall& c) {
  auto sum = variadic<add2>(c)[0];
  return {at::div(sum, static_cast<double>(c.inputs.size()))};
}

Outputs gelu(const OpCall& c) {
  const auto a = c.node.find("approximate");
  const bool tanh = a != nullptr && a->s == "tanh";
  if (a != nullptr && a->s != "tanh" && a->s != "none")
    fail(c, "approximate='" + a->s + "' is not a Gelu variant");
  return {at::gelu(c.in(0), tanh ? "tanh" : "none")};
}

Outputs clip(const OpCall& c) {
  const auto& x = c.in(0);
  if (c.opset < 11) {
    return {at::clamp(x, c.node.get_float("min", -std::numeric_limits<float>::infinity()),
                      c.node.get_float("max", std::numeric_limits<float>::infinity()))};
  }
  auto result = x;
  if (c.has(1)) result = at::maximum(result, c.in(1).to(x.scalar_type()));
  if (c.has(2)) result = at::minimum(result, c.in(2).to(x.scalar_type()));
  return {result};
}

Outputs cast(const OpCall& c) {
  const auto to = static_cast<DataType>(c.node.get_int("to", 0));
  return {c.in(0).to(to_scalar_type(to, c.where()))};
}

Outputs dropout(const OpCall& c) {
  // Inference: the identity; the optional mask output is all true.
  return {c.in(0), at::ones_like(c.in(0), at::kBool)};
}

}  // namespace

void add_elementwise_kernels(KernelTable& t) {
  t["Add"] = [](const OpCall& c) -> Outputs { return {at::add(c.in(0), c.in(1))}; };
  t["Sub"] = [](const OpCall& c) -> Outputs { return {at::sub(c.in(0), c.in(1))}; };
  t["Mul"] = [](const OpCall& c) -> Outputs { return {at::mul(c.in(0), c.in(1))}; };
  t["Div"] = div;
  t["Pow"] = pow;
  t["Mod"] = mod;
  t["Max"] = variadic<max2>;
  t["Min"] = variadic<min2>;
  t["Sum"] = variadic<add2>;
  t["Mean"] = mean;
  t["Equal"] = [](const OpCall& c) -> Outputs { return {at::eq(c.in(0), c.in(1))}; };
  t["Less"] = [](const OpCall& c) -> Outputs { return {at::lt(c.in(0), c.in(1))}; };
  t["LessOrEqual"] = [](const OpCall& c) -> Outputs { return {at::le(c.in(0), c.in(1))}; };
  t["Greater"] = [](const OpCall& c) -> Outputs { return {at::gt(c.in(0), c.in(1))}; };
  t["GreaterOrEqual"] = [](const OpCall& c) -> Outputs { return {at::ge(c.in(0), c.in(1))}; };
  t["And"] = [](const OpCall& c) -> Outputs { return {at::logical_and(c.in(0), c.in(1))}; };
  t["Or"] = [](const OpCall& c) -> Outputs { return {at::logical_or(c.in(0), c.in(1))}; };
  t["Xor"] = [](const OpCall& c) -> Outputs { return {at::logical_xor(c.in(0), c.in(1))}; };
  t["Not"] = [](const OpCall& c) -> Outputs { return {at::logical_not(c.in(0))}; };
  t["Neg"] = [](const OpCall& c) -> Outputs { return {at::neg(c.in(0))}; };
  t["Abs"] = [](const OpCall& c) -> Outputs { return {at::abs(c.in(0))}; };
  t["Sign"] = [](const OpCall& c) -> Outputs { return {at::sign(c.in(0))}; };
  t["Sqrt"] = [](const OpCall& c) -> Outputs { return {at::sqrt(c.in(0))}; };
  t["Reciprocal"] = [](const OpCall& c) -> Outputs { return {at::reciprocal(c.in(0))}; };
  t["Exp"] = [](const OpCall& c) -> Outputs { return {at::exp(c.in(0))}; };
  t["Log"] = [](const OpCall& c) -> Outputs { return {at::log(c.in(0))}; };
  t["Sin"] = [](const OpCall& c) -> Outputs { return {at::sin(c.in(0))}; };
  t["Cos"] = [](const OpCall& c) -> Outputs { return {at::cos(c.in(0))}; };
  t["Erf"] = [](const OpCall& c) -> Outputs { return {at::erf(c.in(0))}; };
  t["Tanh"] = [](const OpCall& c) -> Outputs { return {at::tanh(c.in(0))}; };
  t["Sigmoid"] = [](const OpCall& c) -> Outputs { return {at::sigmoid(c.in(0))}; };
  t["Relu"] = [](const OpCall& c) -> Outputs { return {at::relu(c.in(0))}; };
  t["Softplus"] = [](const OpCall& c) -> Outputs { return {at::softplus(c.in(0))}; };
  t["Floor"] = [](const OpCall& c) -> Outputs { return {at::floor(c.in(0))}; };
  t["Ceil"] = [](const OpCall& c) -> Outputs { return {at::ceil(c.in(0))}; };
  t["Round"] = [](const OpCall& c) -> Outputs { return {at::round(c.in(0))}; };  // half to even
  t["LeakyRelu"] = [](const OpCall& c) -> Outputs {
    return {at::leaky_relu(c.in(0), c.node.get_float("alpha", 0.01f))};
  };
  t["Elu"] = [](const OpCall& c) -> Outputs {
    return {at::elu(c.in(0), c.node.get_float("alpha", 1.0f))};
  };
  t["HardSigmoid"] = [](const OpCall& c) -> Outputs {
    const double alpha = c.node.get_float("alpha", 0.2f);
    const double beta = c.node.get_float("beta", 0.5f);
    return {at::clamp(at::add(at::mul(c.in(0), alpha), beta), 0.0, 1.0)};
  };
  t["Gelu"] = gelu;
  t["Clip"] = clip;
  t["Where"] = [](const OpCall& c) -> Outputs {
    return {at::where(c.in(0).to(at::kBool), c.in(1), c.in(2))};
  };
  t["Cast"] = cast;
  t["CastLike"] = [](const OpCall& c) -> Outputs { return {c.in(0).to(c.in(1).scalar_type())}; };
  t["Identity"] = [](const OpCall& c) -> Outputs { return {c.in(0)}; };
  t["Dropout"] = dropout;
}

}  // namespace drs::onnx
