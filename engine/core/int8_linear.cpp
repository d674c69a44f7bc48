#include "core/int8_linear.h"

#include <ATen/core/dispatch/Dispatcher.h>

#include <algorithm>
#include <vector>

#include "drs/error.h"

namespace drs {

bool Int8Linear::available() {
  static const bool has_onednn = [] {
    const auto& engines = at::globalContext().supportedQEngines();
    return std::find(engines.begin(), engines.end(), at::QEngine::ONEDNN) != engines.end();
  }();
  return has_onednn;
}

void Int8Linear::require_available() {
  if (!available())
    throw Error(ErrorKind::BadInput,
                "int8 maths needs LibTorch's oneDNN quantized kernels, which this build lacks; "
                "use float32 or bfloat16");
}

Int8Linear::Int8Linear(const at::Tensor& weight) {
  require_available();
  at::globalContext().setQEngine(at::QEngine::ONEDNN);
  const auto w = weight.to(at::kCPU, at::kFloat).contiguous();
  const auto scales = w.abs().amax({1}).clamp_min(1e-12).div_(127.0).to(at::kDouble);
  const auto zero_points = at::zeros({w.size(0)}, at::kLong);
  const auto quantised = at::quantize_per_channel(w, scales, zero_points, 0, at::kQInt8);
  static const auto prepack =
      c10::Dispatcher::singleton().findSchemaOrThrow("quantized::linear_prepack", "");
  std::vector<c10::IValue> stack{quantised, c10::IValue()};
  prepack.callBoxed(&stack);
  packed_ = stack.at(0).toCustomClass<LinearPackedParamsBase>();
  bytes_ = w.numel() + w.size(0) * static_cast<int64_t>(sizeof(double));
}

at::Tensor Int8Linear::apply(const at::Tensor& x) const {
  return packed_->apply_dynamic(x.contiguous(), /*reduce_range=*/false);
}

}  // namespace drs
