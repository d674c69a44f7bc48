// drs-bench --swiglu: the int8 path's MLP for one row slice at the released width (dim
// 2048, ff 8192; --small: the toy config's): the element-wise work between the gate/up and the
// down products, as LibTorch passes (row scales, silu, product, quantisation) and as the
// fused one-pass kernel (dit/swiglu_int8.h), timed alternately in one process so that a
// shared host's drift falls on both; and the whole MLP slice both ways, for its share.
#pragma once

#include <nlohmann/json.hpp>

#include "bench_options.h"

namespace drs::bench {

nlohmann::json run_swiglu_bench(const Options& opt);
void print_swiglu_bench(const nlohmann::json& report);

}  // namespace drs::bench
