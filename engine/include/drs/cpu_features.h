// What this CPU's vector units can do, read from CPUID (x86-64) and the OS's enabled
// register state (XGETBV): an instruction set the OS does not save on a context switch
// is as good as absent. Other architectures report no features.
#pragma once

#include <string>

namespace drs {

enum class CpuVendor { Unknown, Intel, Amd };

struct CpuFeatures {
  CpuVendor vendor = CpuVendor::Unknown;
  int family = 0, model = 0;  // display family/model, as /proc/cpuinfo shows them
  bool avx = false, avx2 = false, fma = false;
  bool avx512f = false, avx512bw = false, avx512dq = false, avx512vl = false;
  bool avx512_vnni = false, avx512_bf16 = false;
  bool amx = false;  // AMX tiles with bf16 (only where the OS has enabled their state)

  // The AVX-512 subset every AVX-512 BLAS kernel (SkylakeX and later) needs.
  [[nodiscard]] bool avx512_core() const { return avx512f && avx512bw && avx512dq && avx512vl; }
  // float32 lanes of the widest FMA this CPU can run (4 without AVX).
  [[nodiscard]] int float_lanes() const { return avx512_core() ? 16 : (avx ? 8 : 4); }
  // "avx2 fma avx512 avx512_bf16 ..." for diagnostics.
  [[nodiscard]] std::string summary() const;
};

// Read once per call from CPUID; cheap (no syscalls).
[[nodiscard]] CpuFeatures detect_cpu_features();

}  // namespace drs
