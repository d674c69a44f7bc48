// Matrix products, reductions and normalisations: MatMul, Gemm, Softmax (with the
// pre-13 "flatten to 2-D" semantics), Reduce* (axes as attribute or input by opset),
// LayerNormalization, ArgMax/ArgMin.
#include <algorithm>

#include "onnx/op_kernel.h"

namespace drs::onnx {
namespace {

Outputs gemm(const OpCall& c) {
  auto a = c.in(0);
  auto b = c.in(1);
  if (a.dim() != 2 || b.dim() != 2) fail(c, "A and B must be matrices");
  if (c.node.get_int("transA", 0) != 0) a = a.t();
  if (c.node.get_int("transB", 0) != 0) b = b.t();
  auto y = at::matmul(a, b);
  const double alpha = c.node.get_float("alpha", 1.0f);
  const double beta = c.node.get_float("beta", 1.0f);
  if (alpha != 1.0) y = at::mul(y, alpha);
  if (c.has(2)) y = at::add(y, beta == 1.0 ? c.in(2) : at::mul(c.in(2), beta));
  return {y};
}

// Softmax/LogSoftmax: from opset 13 along one axis (default -1); before, over all the
// dimensions from `axis` on (default 1), the input seen as a 2-D matrix.
template <bool Log>
Outputs softmax(const OpCall& c) {
  const auto& x = c.in(0);
  const auto apply = [](const at::Tensor& t, std::int64_t dim) {
    return Log ? at::log_softmax(t, dim) : at::softmax(t, dim);
  };
  if (c.opset >= 13) return {apply(x, axis_index(c.node.get_int("axis", -1), x.dim(), c))};
  const auto axis = axis_index(c.node.get_int("axis", 1), std::max<std::int64_t>(x.dim(), 1), c);
  std::int64_t outer = 1;
  for (std::int64_t i = 0; i < axis; ++i) outer *= x.size(i);
  return {apply(x.reshape({outer, -1}), 1).reshape(x.sizes())};
}

enum class Reduce { Mean, Sum, Max, Min, Prod, SumSquare, L2 };

// The reduced axes (sorted, non-negative); empty with `identity` set = no reduction.
std::vector<std::int64_t> reduce_axes(const OpCall& c, bool axes_are_input, bool& identity) {
  const auto& x = c.in(0);
  auto axes = axes_are_input ? (c.has(1) ? std::optional(int_values(c.in(1), c)) : std::nullopt)
                             : c.node.get_ints("axes");
  identity = false;
  if (!axes || axes->empty()) {
    identity = c.node.get_int("noop_with_empty_axes", 0) != 0;
    axes.emplace();
    for (std::int64_t d = 0; d < x.dim(); ++d) axes->push_back(d);
  }
  for (auto& a : *axes) a = axis_index(a, x.dim(), c);
  std::sort(axes->begin(), axes->end());
  axes->erase(std::unique(axes->begin(), axes->end()), axes->end());
  return *axes;
}

template <Reduce Kind>
Outputs reduce(const OpCall& c) {
  const auto& x = c.in(0);
  const bool axes_are_input = Kind == Reduce::Sum ? c.opset >= 13 : c.opset >= 18;
  bool identity = false;
  const auto axes = reduce_axes(c, axes_are_input, identity);
  if (identity) return {x};
  const bool keep = c.node.get_int("keepdims", 1) != 0;
  if (x.dim() == 0) return {x};
  switch (Kind) {
    case Reduce::Mean: return {at::mean(x, axes, keep)};
    case Reduce::Sum: return {at::sum(x, axes, keep)};
    case Reduce::Max: return {at::amax(x, axes, keep)};
    case Reduce::Min: return {at::amin(x, axes, keep)};
    case Reduce::SumSquare: return {at::sum(at::mul(x, x), axes, keep)};
    case Reduce::L2: return {at::sqrt(at::sum(at::mul(x, x), axes, keep))};
    case Reduce::Prod: {
      auto result = x;
      for (auto a = axes.rbegin(); a != axes.rend(); ++a) result = at::prod(result, *a, keep);
      return {result};
    }
  }
  fail(c, "unknown reduction");
}

Outputs layer_norm(const OpCall& c) {
  const auto& x = c.in(0);
  const auto axis = axis_index(c.node.get_int("axis", -1), x.dim(), c);
  const double eps = c.node.get_float("epsilon", 1e-5f);
  const std::vector<std::int64_t> shape(x.sizes().begin() + axis, x.sizes().end());
  const auto scale = c.in(1).expand(shape);
  const auto bias = c.has(2) ? c.in(2).expand(shape) : at::Tensor();
  Outputs out{at::layer_norm(x, shape, scale, bias, eps)};
  if (c.node.outputs.size() > 1) {  // the optional Mean and InvStdDev outputs
    std::vector<std::int64_t> dims;
    for (auto d = axis; d < x.dim(); ++d) dims.push_back(d);
    const auto mean = at::mean(x, dims, true);
    const auto var = at::mean(at::square(at::sub(x, mean)), dims, true);
    out.push_back(mean);
    out.push_back(at::rsqrt(at::add(var, eps)));
  }
  return out;
}

template <bool Max>
Outputs arg_extreme(const OpCall& c) {
  const auto& x = c.in(0);
  const auto axis = axis_index(c.node.get_int("axis", 0), x.dim(), c);
  const bool keep = c.node.get_int("keepdims", 1) != 0;
  const bool last = c.node.get_int("select_last_index", 0) != 0;
  const auto& source = last ? x.flip(axis) : x;
  auto idx = Max ? at::argmax(source, axis, keep) : at::argmin(source, axis, keep);
  if (last) idx = at::rsub(idx, x.size(axis) - 1);
  return {idx};
}

}  // namespace

void add_reduce_and_nn_kernels(KernelTable& t) {
  t["MatMul"] = [](const OpCall& c) -> Outputs { return {at::matmul(c.in(0), c.in(1))}; };
  t["Gemm"] = gemm;
  t["Softmax"] = softmax<false>;
  t["LogSoftmax"] = softmax<true>;
  t["ReduceMean"] = reduce<Reduce::Mean>;
  t["ReduceSum"] = reduce<Reduce::Sum>;
  t["ReduceMax"] = reduce<Reduce::Max>;
  t["ReduceMin"] = reduce<Reduce::Min>;
  t["ReduceProd"] = reduce<Reduce::Prod>;
  t["ReduceSumSquare"] = reduce<Reduce::SumSquare>;
  t["ReduceL2"] = reduce<Reduce::L2>;
  t["LayerNormalization"] = layer_norm;
  t["ArgMax"] = arg_extreme<true>;
  t["ArgMin"] = arg_extreme<false>;
}

}  // namespace drs::onnx
