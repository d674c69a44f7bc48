#include "pipeline/compute_dtypes.h"

namespace drs {

at::ScalarType dit_dtype_for(Precision precision, const at::Device& device) {
  switch (precision) {
    case Precision::Float32:
    case Precision::Int8: return at::kFloat;
    case Precision::BFloat16: return at::kBFloat16;
    case Precision::Float16: return at::kHalf;
    case Precision::Auto: break;
  }
  // GPU: bf16 tensor cores. CPU: float32, the exact path; bfloat16 is a cost cutter the
  // user picks (faster only where the CPU has native bf16), never chosen silently.
  return device.is_cuda() ? at::kBFloat16 : at::kFloat;
}

at::ScalarType vae_dtype_for(Precision precision, const at::Device& device,
                             const CpuFeatures& cpu) {
  const bool cost_cutter = precision == Precision::Int8 || precision == Precision::BFloat16;
  const bool native_bf16 = cpu.avx512_bf16 || cpu.amx;
  return device.is_cpu() && cost_cutter && native_bf16 ? at::kBFloat16 : at::kFloat;
}

}  // namespace drs
