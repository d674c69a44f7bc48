// DRS_VECTOR_CLONES: a function compiled for three instruction sets and picked when the
// library loads: x86-64-v4 (AVX-512 with the 16-bit lane operations bfloat16 widening
// needs), v3 (AVX2 with FMA) and the baseline. For the element-wise kernels LibTorch runs
// slowly or in several passes; a release build must run on any x86-64, and these loops are
// only worth writing by hand at vector speed. Elsewhere (GCC on other targets, Clang) the
// functions compile once.
//
// Kernels whose polynomials should use FMAs put DRS_FMA_CONTRACTION after their includes:
// ISO C++ mode leaves contraction off.
#pragma once

#include <cstddef>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define DRS_VECTOR_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define DRS_VECTOR_CLONES
#endif

#if defined(__GNUC__) && !defined(__clang__)
#define DRS_FMA_CONTRACTION _Pragma("GCC optimize(\"fp-contract=fast\")")
#else
#define DRS_FMA_CONTRACTION
#endif

namespace drs {
// Loops over whole blocks of this many elements: GCC's -O2 cost model vectorises a loop
// whose trip count is a known multiple of the vector width, not one that needs a scalar
// epilogue.
inline constexpr std::size_t kVectorBlock = 64;
}  // namespace drs
