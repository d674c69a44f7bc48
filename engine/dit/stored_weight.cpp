#include "dit/stored_weight.h"

namespace drs {
namespace {

bool keep_narrow(at::ScalarType stored, const at::TensorOptions& options,
                 WeightResidency residency) {
  return residency == WeightResidency::Compact && options.device().is_cpu() &&
         c10::typeMetaToScalarType(options.dtype()) == at::kFloat && stored == at::kHalf;
}

}  // namespace

StoredWeight::StoredWeight(WeightMap& weights, const std::vector<std::string>& names,
                           const std::vector<int64_t>& rows, int64_t cols,
                           const at::TensorOptions& options, WeightResidency residency)
    : compute_(c10::typeMetaToScalarType(options.dtype())) {
  std::vector<at::Tensor> parts;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto stored = weights.stored_dtype(names[i]);
    const auto dtype = keep_narrow(stored, options, residency) ? stored : compute_;
    parts.push_back(weights.take(names[i], {rows.at(i), cols}, options.dtype(dtype)));
  }
  auto dense = parts.size() == 1 ? parts.front().contiguous() : at::cat(parts, 0);
  parts.clear();
  if (residency == WeightResidency::Int8 && options.device().is_cpu() && compute_ == at::kFloat) {
    int8_ = Int8Linear(dense);
    bytes_ = int8_.bytes();
    return;
  }
  bytes_ = static_cast<int64_t>(dense.nbytes());
  dense_ = std::move(dense);
}

StoredWeight::Ready StoredWeight::ready() const {
  Ready r;
  if (int8_.defined()) {
    r.int8_ = int8_;
  } else {
    r.dense_ = dense_.scalar_type() == compute_ ? dense_ : dense_.to(compute_);
  }
  return r;
}

at::Tensor StoredWeight::Ready::apply(const at::Tensor& x) const {
  if (!int8_.defined()) return at::linear(x, dense_);
  return int8_.apply(x);
}

void StoredWeight::Ready::apply_out(at::Tensor& out, const at::Tensor& x) const {
  if (!int8_.defined()) {
    at::mm_out(out, x, dense_.t());
    return;
  }
  int8_.apply_into(out, x);
}

}  // namespace drs
