#include "core/int8_linear.h"

#include <ATen/core/dispatch/Dispatcher.h>

#include <algorithm>
#include <vector>

#include "core/int8_quantize.h"
#include "drs/cpu_features.h"
#include "drs/error.h"

#ifdef DRS_HAVE_ONEDNN
#include "core/onednn_int8_matmul.h"
#endif

namespace drs {
namespace {

#ifndef DRS_HAVE_ONEDNN
bool torch_has_onednn_qengine() {
  static const bool has_onednn = [] {
    const auto& engines = at::globalContext().supportedQEngines();
    return std::find(engines.begin(), engines.end(), at::QEngine::ONEDNN) != engines.end();
  }();
  return has_onednn;
}

// LibTorch's dynamic quantized linear: the fallback where oneDNN's headers were absent.
c10::intrusive_ptr<LinearPackedParamsBase> torch_prepack(const QuantizedRows& q) {
  at::globalContext().setQEngine(at::QEngine::ONEDNN);
  const auto quantised = at::_make_per_channel_quantized_tensor(
      q.values, q.scales.to(at::kDouble), at::zeros({q.values.size(0)}, at::kLong), 0);
  static const auto prepack =
      c10::Dispatcher::singleton().findSchemaOrThrow("quantized::linear_prepack", "");
  std::vector<c10::IValue> stack{quantised, c10::IValue()};
  prepack.callBoxed(&stack);
  return stack.at(0).toCustomClass<LinearPackedParamsBase>();
}
#endif

}  // namespace

bool Int8Linear::available() {
#ifdef DRS_HAVE_ONEDNN
  return true;
#else
  return torch_has_onednn_qengine();
#endif
}

void Int8Linear::require_available() {
  if (!available())
    throw Error(ErrorKind::BadInput,
                "int8 maths needs oneDNN (this build has neither its headers nor LibTorch's "
                "oneDNN quantized kernels); use float32 or bfloat16");
}

int Int8Linear::weight_level() {
  static const int level = [] {
#ifdef DRS_HAVE_ONEDNN
    return OnednnInt8Matmul::has_dot_products() ? 127 : 63;
#else
    const auto cpu = detect_cpu_features();
    return cpu.avx512_vnni || cpu.avx_vnni || cpu.amx_int8 ? 127 : 63;
#endif
  }();
  return level;
}

std::string Int8Linear::kernel_name() {
#ifdef DRS_HAVE_ONEDNN
  static const std::string name = [] {
    const auto w = at::ones({64, 64});
    const Int8Linear probe(w);
    return "oneDNN matmul " + probe.onednn_->implementation(1024);
  }();
  return name;
#else
  return available() ? "LibTorch quantized::linear_dynamic" : "none";
#endif
}

Int8Linear::Int8Linear(const at::Tensor& weight) {
  require_available();
  const auto q = quantize_rows(weight.to(at::kCPU, at::kFloat), weight_level());
  out_features_ = weight.size(0);
  in_features_ = weight.size(1);
  const int64_t in = in_features_;
#ifdef DRS_HAVE_ONEDNN
  onednn_ = std::make_shared<const OnednnInt8Matmul>(
      std::span<const std::int8_t>(q.values.data_ptr<std::int8_t>(), q.values.numel()),
      std::span<const float>(q.scales.data_ptr<float>(), out_features_), out_features_, in);
  bytes_ = onednn_->packed_bytes() + out_features_ * static_cast<int64_t>(sizeof(float));
#else
  packed_ = torch_prepack(q);
  bytes_ = out_features_ * in + out_features_ * static_cast<int64_t>(sizeof(double));
#endif
}

bool Int8Linear::defined() const {
  return onednn_ != nullptr || packed_.defined();
}

void Int8Linear::apply_into(at::Tensor& out, const at::Tensor& x) const {
#ifdef DRS_HAVE_ONEDNN
  apply_quantized_into(out, quantize_rows(x));
#else
  out.copy_(packed_->apply_dynamic(x.contiguous(), /*reduce_range=*/false));
#endif
}

at::Tensor Int8Linear::apply_unscaled(const at::Tensor& x, at::Tensor& row_scales) const {
  auto q = quantize_rows(x);
  auto out = at::empty({x.size(0), out_features_}, x.options().dtype(at::kFloat));
  run_quantized(out, q);
  row_scales = std::move(q.scales);
  return out;
}

void Int8Linear::apply_quantized_into(at::Tensor& out, const QuantizedRows& q) const {
  run_quantized(out, q);
  out.mul_(q.scales.unsqueeze(1));
}

void Int8Linear::run_quantized(at::Tensor& out, const QuantizedRows& q) const {
  // Without oneDNN's headers (or for an empty layer) there is no product to split.
  if (!splits()) throw Error(ErrorKind::Internal, "Int8Linear: this build cannot split products");
  if (q.values.scalar_type() != at::kChar || !q.values.is_contiguous() ||
      q.values.size(1) != in_features_ || q.values.size(0) != out.size(0) || !out.is_contiguous() ||
      out.size(1) != out_features_ || out.scalar_type() != at::kFloat)
    throw Error(ErrorKind::Internal, "Int8Linear: quantised rows or output of the wrong shape");
#ifdef DRS_HAVE_ONEDNN
  onednn_->run(q.values.data_ptr<std::int8_t>(), q.values.size(0), out.data_ptr<float>());
#endif
}

at::Tensor Int8Linear::apply(const at::Tensor& x) const {
  const auto rows = x.reshape({-1, x.size(-1)});
  auto out = at::empty({rows.size(0), out_features_}, x.options().dtype(at::kFloat));
  apply_into(out, rows);
  std::vector<int64_t> shape(x.sizes().begin(), x.sizes().end());
  shape.back() = out_features_;
  return out.view(shape);
}

}  // namespace drs
