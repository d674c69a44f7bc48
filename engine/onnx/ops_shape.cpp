// Operators that make, move or reshape values: Constant*, Shape, Reshape, Slice,
// Gather, Concat, (Un)Squeeze, Expand... Their shape arguments are int64 tensors, and
// from opset 13 on many of them take axes as inputs instead of attributes.
#include <algorithm>
#include <cmath>
#include <limits>

#include "onnx/op_kernel.h"

namespace drs::onnx {
namespace {

std::int64_t rank(const at::Tensor& t) {
  return t.dim();
}

Outputs constant(const OpCall& c) {
  for (const auto& a : c.node.attributes) {
    if (a.name == "value" && a.type == AttributeType::Tensor && a.tensors.size() == 1)
      return {to_torch(Tensor(a.tensors[0]), c.where())};
    if (a.name == "value_float") return {at::scalar_tensor(a.f, at::kFloat)};
    if (a.name == "value_floats")
      return {at::tensor(at::ArrayRef<float>(a.floats), at::kFloat).clone()};
    if (a.name == "value_int") return {at::scalar_tensor(a.i, at::kLong)};
    if (a.name == "value_ints")
      return {at::tensor(at::ArrayRef<std::int64_t>(a.ints), at::kLong).clone()};
  }
  fail(c, "has no supported value attribute (value, value_float(s), value_int(s))");
}

Outputs constant_of_shape(const OpCall& c) {
  const auto shape = int_values(c.in(0), c);
  const auto* value = c.node.find("value");
  if (value == nullptr) return {at::zeros(shape, at::kFloat)};
  if (value->tensors.size() != 1 || value->tensors[0].element_count() != 1)
    fail(c, "'value' must be a one-element tensor");
  const auto fill = to_torch(Tensor(value->tensors[0]), c.where()).reshape({});
  return {fill.expand(shape).contiguous()};
}

Outputs shape(const OpCall& c) {
  const auto& x = c.in(0);
  const auto r = rank(x);
  auto start = c.node.get_int("start", 0);
  auto end = c.node.get_int("end", r);
  start = std::clamp(start < 0 ? start + r : start, std::int64_t{0}, r);
  end = std::clamp(end < 0 ? end + r : end, std::int64_t{0}, r);
  std::vector<std::int64_t> dims(x.sizes().begin(), x.sizes().end());
  if (end < start) end = start;
  return {at::tensor(at::ArrayRef<std::int64_t>(dims.data() + start, dims.data() + end), at::kLong)
              .clone()};
}

Outputs reshape(const OpCall& c) {
  const auto& x = c.in(0);
  auto target = c.opset < 5 ? c.node.get_ints("shape").value_or(std::vector<std::int64_t>{})
                            : int_values(c.in(1), c);
  const bool allow_zero = c.node.get_int("allowzero", 0) != 0;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] != 0 || allow_zero) continue;
    if (static_cast<std::int64_t>(i) >= rank(x)) fail(c, "a 0 in the shape has no input dimension");
    target[i] = x.size(static_cast<std::int64_t>(i));
  }
  return {x.reshape(target)};
}

Outputs flatten(const OpCall& c) {
  const auto& x = c.in(0);
  const auto r = rank(x);
  auto axis = c.node.get_int("axis", 1);
  if (axis != r) axis = axis_index(axis, std::max<std::int64_t>(r, 1), c);
  std::int64_t outer = 1;
  for (std::int64_t i = 0; i < axis; ++i) outer *= x.size(i);
  return {x.reshape({outer, outer == 0 ? 0 : x.numel() / outer})};
}

Outputs transpose(const OpCall& c) {
  const auto& x = c.in(0);
  auto perm = c.node.get_ints("perm").value_or(std::vector<std::int64_t>{});
  if (perm.empty())
    for (auto i = rank(x); i-- > 0;) perm.push_back(i);
  if (static_cast<std::int64_t>(perm.size()) != rank(x)) fail(c, "perm does not match the rank");
  for (auto& p : perm) p = axis_index(p, rank(x), c);
  return {x.permute(perm)};
}

Outputs unsqueeze(const OpCall& c) {
  auto result = c.in(0);
  auto axes = axes_of(c, "axes", 1);
  if (!axes) fail(c, "has no axes");
  const auto out_rank = rank(result) + static_cast<std::int64_t>(axes->size());
  for (auto& a : *axes) a = axis_index(a, out_rank, c);
  std::sort(axes->begin(), axes->end());
  if (std::adjacent_find(axes->begin(), axes->end()) != axes->end()) fail(c, "repeated axis");
  for (const auto a : *axes) result = result.unsqueeze(a);
  return {result};
}

Outputs squeeze(const OpCall& c) {
  const auto& x = c.in(0);
  auto axes = axes_of(c, "axes", 1);
  if (!axes) return {x.squeeze()};
  std::vector<std::int64_t> keep;
  for (auto& a : *axes) a = axis_index(a, rank(x), c);
  for (std::int64_t d = 0; d < rank(x); ++d) {
    const bool drop = std::find(axes->begin(), axes->end(), d) != axes->end();
    if (drop && x.size(d) != 1)
      fail(c, "cannot squeeze axis " + std::to_string(d) + " of size " + std::to_string(x.size(d)));
    if (!drop) keep.push_back(x.size(d));
  }
  return {x.reshape(keep)};
}

Outputs concat(const OpCall& c) {
  std::vector<at::Tensor> parts;
  for (std::size_t i = 0; i < c.inputs.size(); ++i) parts.push_back(c.in(i));
  if (parts.empty()) fail(c, "has no inputs");
  const auto axis = axis_index(c.node.get_int("axis", 0), rank(parts[0]), c);
  return {at::cat(parts, axis)};
}

Outputs split(const OpCall& c) {
  const auto& x = c.in(0);
  const auto axis = axis_index(c.node.get_int("axis", 0), rank(x), c);
  auto sizes = c.opset < 13 ? c.node.get_ints("split") : std::optional<std::vector<std::int64_t>>{};
  if (c.opset >= 13 && c.has(1)) sizes = int_values(c.in(1), c);
  if (!sizes) {
    const auto parts =
        c.node.get_int("num_outputs", static_cast<std::int64_t>(c.node.outputs.size()));
    if (parts <= 0) fail(c, "has no outputs");
    const auto chunk = (x.size(axis) + parts - 1) / parts;  // the last part may be smaller
    sizes.emplace();
    for (std::int64_t left = x.size(axis); left > 0; left -= chunk)
      sizes->push_back(std::min(chunk, left));
  }
  auto pieces = at::split_with_sizes(x, *sizes, axis);
  return {pieces.begin(), pieces.end()};
}

// One axis of Slice, clamped as the ONNX spec says for each step direction.
at::Tensor slice_axis(const at::Tensor& x, std::int64_t axis, std::int64_t start, std::int64_t end,
                      std::int64_t step, const OpCall& c) {
  const auto dim = x.size(axis);
  if (step == 0) fail(c, "step 0");
  if (start < 0) start += dim;
  if (end < 0 && end > std::numeric_limits<std::int64_t>::min() + dim)
    end += dim;
  else if (end < 0)
    end = -1;
  if (step > 0) {
    start = std::clamp<std::int64_t>(start, 0, dim);
    end = std::clamp<std::int64_t>(end, 0, dim);
    return x.slice(axis, start, std::max(start, end), step);
  }
  start = std::clamp<std::int64_t>(start, 0, dim - 1);
  end = std::clamp<std::int64_t>(end, -1, dim - 1);
  if (start <= end) return x.slice(axis, 0, 0);
  const auto index = at::arange(start, end, step, at::kLong);
  return x.index_select(axis, index);
}

Outputs slice(const OpCall& c) {
  const auto& x = c.in(0);
  std::vector<std::int64_t> starts, ends, axes, steps;
  if (c.opset < 10) {
    starts = c.node.get_ints("starts").value_or(starts);
    ends = c.node.get_ints("ends").value_or(ends);
    axes = c.node.get_ints("axes").value_or(axes);
  } else {
    starts = int_values(c.in(1), c);
    ends = int_values(c.in(2), c);
    if (c.has(3)) axes = int_values(c.in(3), c);
    if (c.has(4)) steps = int_values(c.in(4), c);
  }
  if (axes.empty())
    for (std::size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<std::int64_t>(i));
  if (steps.empty()) steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
    fail(c, "starts, ends, axes and steps differ in length");
  auto result = x;
  for (std::size_t i = 0; i < starts.size(); ++i)
    result = slice_axis(result, axis_index(axes[i], rank(x), c), starts[i], ends[i], steps[i], c);
  return {result};
}

// Indices in [-dim, dim) made non-negative, or a clear error for the input at fault.
at::Tensor checked_indices(const at::Tensor& indices, std::int64_t dim, const OpCall& c) {
  auto idx = indices.to(at::kLong);
  idx = at::where(idx < 0, idx + dim, idx);
  if (idx.numel() > 0) {
    const auto lo = idx.min().item<std::int64_t>();
    const auto hi = idx.max().item<std::int64_t>();
    if (lo < 0 || hi >= dim)
      fail(c, "index " + std::to_string(lo < 0 ? lo - dim : hi) +
                  " is out of range for an axis of size " + std::to_string(dim));
  }
  return idx;
}

Outputs gather(const OpCall& c) {
  const auto& data = c.in(0);
  const auto axis = axis_index(c.node.get_int("axis", 0), rank(data), c);
  const auto idx = checked_indices(c.in(1), data.size(axis), c);
  std::vector<std::int64_t> shape(data.sizes().begin(), data.sizes().begin() + axis);
  shape.insert(shape.end(), idx.sizes().begin(), idx.sizes().end());
  shape.insert(shape.end(), data.sizes().begin() + axis + 1, data.sizes().end());
  return {data.index_select(axis, idx.reshape({-1})).reshape(shape)};
}

Outputs gather_elements(const OpCall& c) {
  const auto& data = c.in(0);
  const auto axis = axis_index(c.node.get_int("axis", 0), rank(data), c);
  return {at::gather(data, axis, checked_indices(c.in(1), data.size(axis), c))};
}

Outputs expand(const OpCall& c) {
  const auto& x = c.in(0);
  const auto shape = int_values(c.in(1), c);
  // ONNX broadcasts both ways: a 1 in `shape` keeps the input's dimension.
  const auto out_rank = std::max<std::int64_t>(rank(x), static_cast<std::int64_t>(shape.size()));
  std::vector<std::int64_t> target(static_cast<std::size_t>(out_rank));
  for (std::int64_t i = 0; i < out_rank; ++i) {
    const auto xi = i - (out_rank - rank(x));
    const auto si = i - (out_rank - static_cast<std::int64_t>(shape.size()));
    const std::int64_t a = xi >= 0 ? x.size(xi) : 1;
    const std::int64_t b = si >= 0 ? shape[static_cast<std::size_t>(si)] : 1;
    if (a != b && a != 1 && b != 1) fail(c, "shapes cannot be broadcast");
    target[static_cast<std::size_t>(i)] = a == 1 ? b : a;
  }
  return {x.expand(target).contiguous()};
}

Outputs range(const OpCall& c) {
  // count = max(ceil((limit - start) / delta), 0): empty, not an error, when delta points away.
  const auto type = c.in(0).scalar_type();
  const double start = c.in(0).item<double>();
  const double delta = c.in(2).item<double>();
  if (delta == 0) fail(c, "delta 0");
  const double count = std::max(std::ceil((c.in(1).item<double>() - start) / delta), 0.0);
  const auto steps = at::arange(static_cast<std::int64_t>(count), at::kDouble);
  return {at::add(at::mul(steps, delta), start).to(type)};
}

Outputs tile(const OpCall& c) {
  return {c.in(0).repeat(int_values(c.in(1), c))};
}

Outputs size(const OpCall& c) {
  return {at::scalar_tensor(c.in(0).numel(), at::kLong)};
}

}  // namespace

void add_shape_kernels(KernelTable& t) {
  t["Constant"] = constant;
  t["ConstantOfShape"] = constant_of_shape;
  t["Shape"] = shape;
  t["Size"] = size;
  t["Reshape"] = reshape;
  t["Flatten"] = flatten;
  t["Transpose"] = transpose;
  t["Unsqueeze"] = unsqueeze;
  t["Squeeze"] = squeeze;
  t["Concat"] = concat;
  t["Split"] = split;
  t["Slice"] = slice;
  t["Gather"] = gather;
  t["GatherElements"] = gather_elements;
  t["Expand"] = expand;
  t["Range"] = range;
  t["Tile"] = tile;
}

}  // namespace drs::onnx
