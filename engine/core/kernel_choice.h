// Which kernels this CPU's vector units can run: the engine's decisions from
// drs::CpuFeatures (the bf16 attention kernel, the OpenBLAS core that tune_process()
// tries, the slow-maths verdict), kept free of the machine so tests can feed any CPU.
#pragma once

#include <string>
#include <string_view>

#include "drs/cpu_features.h"

namespace drs {

// The AVX-512 subset every AVX-512 BLAS kernel (SkylakeX and later) needs.
[[nodiscard]] inline bool has_avx512_core(const CpuFeatures& cpu) {
  return cpu.avx512f && cpu.avx512bw && cpu.avx512dq && cpu.avx512vl;
}

// float32 lanes of the widest FMA this CPU can run (4 without AVX).
[[nodiscard]] inline int float_lanes(const CpuFeatures& cpu) {
  return has_avx512_core(cpu) ? 16 : (cpu.avx ? 8 : 4);
}

// OpenBLAS's x86-64 cores ranked by the instruction set their kernels use (-1: a core
// this table does not know, e.g. one newer than it, which is never replaced).
[[nodiscard]] int openblas_core_level(std::string_view core);
// The best core an OpenBLAS of this generation has for `cpu` ("" when none fits).
[[nodiscard]] std::string best_openblas_core(const CpuFeatures& cpu);
// The core to switch to when `current`'s float32 kernels are narrower than what `cpu`
// supports, else "".
[[nodiscard]] std::string better_openblas_core(const CpuFeatures& cpu, std::string_view current);

}  // namespace drs
