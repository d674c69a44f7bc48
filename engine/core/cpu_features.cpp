#include "drs/cpu_features.h"

#include <cstdint>
#include <cstring>

#include "core/kernel_choice.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define DRS_HAVE_CPUID 1
#endif

namespace drs {
namespace {

constexpr bool bit(uint32_t value, int n) {
  return ((value >> n) & 1u) != 0;
}

#ifdef DRS_HAVE_CPUID
struct Regs {
  uint32_t a = 0, b = 0, c = 0, d = 0;
};

Regs cpuid(uint32_t leaf, uint32_t subleaf = 0) {
  Regs r;
  if (__get_cpuid_count(leaf, subleaf, &r.a, &r.b, &r.c, &r.d) == 0) return {};
  return r;
}

// The register state the OS saves (XCR0); only readable when OSXSAVE is set.
uint64_t enabled_state() {
  uint32_t lo = 0, hi = 0;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<uint64_t>(hi) << 32) | lo;
}

CpuVendor vendor_of(const Regs& leaf0) {
  char name[13] = {};
  std::memcpy(name, &leaf0.b, 4);
  std::memcpy(name + 4, &leaf0.d, 4);
  std::memcpy(name + 8, &leaf0.c, 4);
  if (std::strcmp(name, "GenuineIntel") == 0) return CpuVendor::Intel;
  if (std::strcmp(name, "AuthenticAMD") == 0) return CpuVendor::Amd;
  return CpuVendor::Unknown;
}
#endif

}  // namespace

std::string CpuFeatures::summary() const {
  std::string out;
  const auto add = [&out](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ' ';
    out += name;
  };
  add(avx, "avx");
  add(avx2, "avx2");
  add(fma, "fma");
  add(has_avx512_core(*this), "avx512");
  add(avx512_vnni, "avx512_vnni");
  add(avx512_bf16, "avx512_bf16");
  add(avx_vnni, "avx_vnni");
  add(amx, "amx");
  add(amx_int8, "amx_int8");
  return out.empty() ? std::string("none") : out;
}

CpuFeatures detect_cpu_features() {
  CpuFeatures f;
#ifdef DRS_HAVE_CPUID
  const Regs leaf0 = cpuid(0);
  f.vendor = vendor_of(leaf0);
  if (leaf0.a < 1) return f;
  const Regs leaf1 = cpuid(1);
  const uint32_t base_family = (leaf1.a >> 8) & 0xf, base_model = (leaf1.a >> 4) & 0xf;
  f.family =
      static_cast<int>(base_family == 0xf ? base_family + ((leaf1.a >> 20) & 0xff) : base_family);
  f.model = static_cast<int>(base_family == 0x6 || base_family == 0xf
                                 ? base_model + (((leaf1.a >> 16) & 0xf) << 4)
                                 : base_model);
  if (!bit(leaf1.c, 27)) return f;  // no OSXSAVE: the OS saves no vector state beyond SSE
  const uint64_t xcr0 = enabled_state();
  const bool ymm = (xcr0 & 0x6) == 0x6;    // SSE + AVX state
  const bool zmm = (xcr0 & 0xe6) == 0xe6;  // + opmask, upper ZMM, high ZMM
  const bool tiles = (xcr0 & 0x60000) == 0x60000;
  f.avx = ymm && bit(leaf1.c, 28);
  f.fma = f.avx && bit(leaf1.c, 12);
  if (leaf0.a < 7) return f;
  const Regs leaf7 = cpuid(7, 0);
  f.avx2 = f.avx && bit(leaf7.b, 5);
  f.avx512f = zmm && bit(leaf7.b, 16);
  f.avx512dq = f.avx512f && bit(leaf7.b, 17);
  f.avx512bw = f.avx512f && bit(leaf7.b, 30);
  f.avx512vl = f.avx512f && bit(leaf7.b, 31);
  f.avx512_vnni = f.avx512f && bit(leaf7.c, 11);
  f.amx = tiles && bit(leaf7.d, 24) && bit(leaf7.d, 22);
  f.amx_int8 = tiles && bit(leaf7.d, 24) && bit(leaf7.d, 25);
  if (leaf7.a >= 1) {
    const Regs leaf7_1 = cpuid(7, 1);
    f.avx_vnni = f.avx2 && bit(leaf7_1.a, 4);
    f.avx512_bf16 = f.avx512f && bit(leaf7_1.a, 5);
  }
#endif
  return f;
}

}  // namespace drs
