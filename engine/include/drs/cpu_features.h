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
  bool avx_vnni = false;  // the VEX-encoded int8 dot products (AVX2 CPUs since Alder Lake)
  bool amx = false;       // AMX tiles with bf16 (only where the OS has enabled their state)
  bool amx_int8 = false;  // AMX tiles with int8

  // "avx2 fma avx512 avx512_bf16 ..." for diagnostics.
  [[nodiscard]] std::string summary() const;
};

// Read once per call from CPUID; cheap (no syscalls).
[[nodiscard]] CpuFeatures detect_cpu_features();

}  // namespace drs
