// drs-bench --vae: the native Oobleck decoder at the released size (random weights,
// built here: no graph file), decoding a whole 95 s song chunked as the official code,
// against the GEMM roofline of the decoder's own convolution shapes.
#pragma once

#include <nlohmann/json.hpp>

#include "bench_options.h"

namespace drs::bench {

// One entry per dtype that runs (float32; bfloat16 where the device has native bf16).
nlohmann::json run_vae_bench(const Options& opt);
void print_vae_bench(const nlohmann::json& report);

}  // namespace drs::bench
