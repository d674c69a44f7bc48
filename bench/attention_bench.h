// drs-bench --attention: the DiT's attention kernels at the run's sequence lengths, per
// head of width 64: the float32 per-head kernel (float32 runs), the library kernel on
// bfloat16 tensors, and the AVX512-BF16 kernel (bf16 and int8 runs where the CPU has
// it), against an in-run bfloat16 GEMM roofline, with the bf16 kernel's deviation.
#pragma once

#include <nlohmann/json.hpp>

#include "bench_options.h"

namespace drs::bench {

nlohmann::json run_attention_bench(const Options& opt);
void print_attention_bench(const nlohmann::json& report);

}  // namespace drs::bench
