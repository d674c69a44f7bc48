// Which dtype each network computes in for a run's precision and device. Pure
// decisions (the CPU's features are an argument) so that every case is testable on any
// machine.
#pragma once

#include <ATen/ATen.h>

#include "drs/cpu_features.h"
#include "drs/engine.h"

namespace drs {

// The transformer's activations (int8 runs quantise its matrices, not its activations).
[[nodiscard]] at::ScalarType dit_dtype_for(Precision precision, const at::Device& device);

// The VAE's. It follows a CPU run's cost cutter (bf16 or int8) into the decode only where
// the CPU multiplies bfloat16 natively; emulated bfloat16 would be many times slower than
// float32, and a GPU decodes a song in float32 in seconds.
[[nodiscard]] at::ScalarType vae_dtype_for(Precision precision, const at::Device& device,
                                           const CpuFeatures& cpu);

}  // namespace drs
