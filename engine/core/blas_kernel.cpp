#include "drs/blas_kernel.h"

#include <dlfcn.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/blas_core_state.h"
#include "core/kernel_choice.h"

namespace drs {
namespace {

struct KnownCore {
  std::string_view name;
  int level;  // 1 SSE, 2 AVX, 3 AVX2 + FMA, 4 AVX-512, 5 AVX-512 BF16, 6 AMX
};

// OpenBLAS's DYNAMIC_ARCH x86-64 cores (names as openblas_get_corename() spells them).
constexpr std::array kCores{
    KnownCore{"katmai", 1},    KnownCore{"coppermine", 1}, KnownCore{"northwood", 1},
    KnownCore{"prescott", 1},  KnownCore{"banias", 1},     KnownCore{"atom", 1},
    KnownCore{"core2", 1},     KnownCore{"penryn", 1},     KnownCore{"dunnington", 1},
    KnownCore{"nehalem", 1},   KnownCore{"opteron", 1},    KnownCore{"opteron_sse3", 1},
    KnownCore{"barcelona", 1}, KnownCore{"bobcat", 1},     KnownCore{"sandybridge", 2},
    KnownCore{"bulldozer", 2}, KnownCore{"piledriver", 2}, KnownCore{"steamroller", 2},
    KnownCore{"excavator", 3}, KnownCore{"haswell", 3},    KnownCore{"zen", 3},
    KnownCore{"skylakex", 4},  KnownCore{"cooperlake", 5}, KnownCore{"sapphirerapids", 6},
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <typename Fn>
Fn blas_symbol(const char* name) {
  return reinterpret_cast<Fn>(::dlsym(RTLD_DEFAULT, name));
}

std::string call_string(const char* symbol) {
  using Getter = char* (*)();
  const auto get = blas_symbol<Getter>(symbol);
  const char* value = get ? get() : nullptr;
  return value ? std::string(value) : std::string();
}

std::string rate(double gflops) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f GFLOP/s", gflops);
  return text;
}

// The float32 GEMM kernels' instruction set of a core level (both AVX-512 levels and
// AMX share SkylakeX's float32 kernels).
int float_kernel_level(int level) {
  return std::min(level, 4);
}

}  // namespace

int openblas_core_level(std::string_view core) {
  const auto name = lower(core);
  for (const auto& known : kCores)
    if (known.name == name) return known.level;
  return -1;
}

std::string best_openblas_core(const CpuFeatures& cpu) {
  // No AMX core: OpenBLAS releases without it ignore the name, and those with it pick it
  // themselves on the CPUs they know.
  if (has_avx512_core(cpu) && cpu.avx512_bf16) return "Cooperlake";
  if (has_avx512_core(cpu)) return "SkylakeX";
  if (cpu.avx2 && cpu.fma) return cpu.vendor == CpuVendor::Amd ? "Zen" : "Haswell";
  if (cpu.avx) return "Sandybridge";
  return {};
}

// Only a core with wider float32 kernels is worth a switch. Between cores of the same
// width (SkylakeX and Cooperlake differ in bfloat16 kernels, which LibTorch does not call
// through OpenBLAS) a timing probe would decide on noise, and the two round differently:
// runs of the same song would then differ bit for bit from one start of the app to the
// next, breaking resume and replay.
std::string better_openblas_core(const CpuFeatures& cpu, std::string_view current) {
  const int level = openblas_core_level(current);
  if (level < 0) return {};
  auto best = best_openblas_core(cpu);
  if (best.empty() || float_kernel_level(openblas_core_level(best)) <= float_kernel_level(level))
    return {};
  return best;
}

int openblas_threads() {
  using Getter = int (*)();
  const auto get = blas_symbol<Getter>("openblas_get_num_threads");
  return get ? get() : 0;
}

std::string_view selection_name(BlasCoreSelection selection) {
  switch (selection) {
    case BlasCoreSelection::Library: return "library";
    case BlasCoreSelection::User: return "user";
    case BlasCoreSelection::Automatic: return "automatic";
    case BlasCoreSelection::Kept: return "kept";
  }
  return "library";
}

BlasKernel current_blas_kernel() {
  BlasKernel k;
  k.config = call_string("openblas_get_config");
  k.core = call_string("openblas_get_corename");
  if (!k.is_openblas()) return k;
  const auto cpu = detect_cpu_features();
  k.best_core = best_openblas_core(cpu);
  k.fallback = !better_openblas_core(cpu, k.core).empty();
  const auto state = BlasCoreState::from_environment();
  if (state.phase == BlasCoreState::Phase::Selected) {
    k.selection = BlasCoreSelection::Automatic;
  } else if (state.phase == BlasCoreState::Phase::Kept) {
    k.selection = BlasCoreSelection::Kept;
    k.tried_core = state.candidate;
    k.reason = state.reason;
  } else if (state.phase == BlasCoreState::Phase::None && std::getenv("OPENBLAS_CORETYPE")) {
    k.selection = BlasCoreSelection::User;
  }
  if (k.selection == BlasCoreSelection::Automatic || k.selection == BlasCoreSelection::Kept) {
    k.library_core = state.library_core;
    k.gflops_library = state.gflops_library;
    k.gflops_selected = state.gflops_candidate;
  }
  return k;
}

std::string BlasKernel::describe() const {
  if (!is_openblas()) return "BLAS: not OpenBLAS (kernel choice left to the library)";
  std::string out = "OpenBLAS core " + core;
  switch (selection) {
    case BlasCoreSelection::Library: out += " (chosen by OpenBLAS)"; break;
    case BlasCoreSelection::User: out += " (set by OPENBLAS_CORETYPE; not overridden)"; break;
    case BlasCoreSelection::Automatic:
      out += " (selected automatically: OpenBLAS chose " + library_core + ", " +
             rate(gflops_library) + "; " + core + " " + rate(gflops_selected) + ")";
      break;
    case BlasCoreSelection::Kept:
      out += " (" + tried_core + " was tried and rejected: " + reason + ")";
      break;
  }
  if (fallback && openblas_core_level(core) <= 1)
    out += "; a generic fallback: this CPU supports " + best_core;
  else if (fallback)
    out += "; narrower float32 kernels than this CPU's (" + best_core + ")";
  return out;
}

}  // namespace drs
