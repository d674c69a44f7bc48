// Which dtype the transformer and the VAE compute in, for every precision on the CPU
// and the GPU and with and without native bfloat16: the VAE follows a CPU cost cutter
// only where bfloat16 is native, never a float32 run and never a GPU run.
#include <gtest/gtest.h>

#include "pipeline/compute_dtypes.h"

namespace {

drs::CpuFeatures cpu_with(bool avx512_bf16, bool amx) {
  drs::CpuFeatures cpu;
  cpu.avx2 = cpu.fma = cpu.avx = true;
  cpu.avx512f = cpu.avx512bw = cpu.avx512dq = cpu.avx512vl = avx512_bf16;
  cpu.avx512_bf16 = avx512_bf16;
  cpu.amx = amx;
  return cpu;
}

const at::Device kCpu(at::kCPU);
const at::Device kGpu(at::kCUDA, 0);

TEST(ComputeDtypes, TransformerFollowsThePrecision) {
  EXPECT_EQ(drs::dit_dtype_for(drs::Precision::Auto, kCpu), at::kFloat);
  EXPECT_EQ(drs::dit_dtype_for(drs::Precision::Auto, kGpu), at::kBFloat16);
  EXPECT_EQ(drs::dit_dtype_for(drs::Precision::Float32, kGpu), at::kFloat);
  EXPECT_EQ(drs::dit_dtype_for(drs::Precision::Int8, kCpu), at::kFloat);  // activations
  EXPECT_EQ(drs::dit_dtype_for(drs::Precision::BFloat16, kCpu), at::kBFloat16);
  EXPECT_EQ(drs::dit_dtype_for(drs::Precision::Float16, kGpu), at::kHalf);
}

TEST(ComputeDtypes, VaeDecodesInBfloat16OnlyForCpuCostCuttersWithNativeBfloat16) {
  const auto native = cpu_with(true, false), tiles = cpu_with(false, true),
             none = cpu_with(false, false);
  for (const auto precision : {drs::Precision::Int8, drs::Precision::BFloat16}) {
    EXPECT_EQ(drs::vae_dtype_for(precision, kCpu, native), at::kBFloat16);
    EXPECT_EQ(drs::vae_dtype_for(precision, kCpu, tiles), at::kBFloat16);
    EXPECT_EQ(drs::vae_dtype_for(precision, kCpu, none), at::kFloat);  // emulated: slow
    EXPECT_EQ(drs::vae_dtype_for(precision, kGpu, native), at::kFloat);
  }
  for (const auto precision : {drs::Precision::Auto, drs::Precision::Float32})
    EXPECT_EQ(drs::vae_dtype_for(precision, kCpu, native), at::kFloat);
  EXPECT_EQ(drs::vae_dtype_for(drs::Precision::Float16, kGpu, native), at::kFloat);
}

}  // namespace
