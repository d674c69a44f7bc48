#include "drs/machine_speed.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <utility>

#include "core/int8_linear.h"
#include "core/kernel_choice.h"
#include "core/runs_per_second.h"
#include "core/threads.h"

namespace drs {
namespace {

// The first mapped shared object whose name says it is a BLAS (Linux: /proc/self/maps).
// Debian switches libblas.so.3 between implementations with update-alternatives, so
// the path tells which one LibTorch actually calls: .../blas/ is the reference one.
std::string mapped_blas_library() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash == std::string::npos) continue;
    const auto path = line.substr(slash);
    const auto name = path.substr(path.rfind('/') + 1);
    if (name.find("blas") != std::string::npos || name.find("mkl_core") != std::string::npos)
      return path;
  }
  return {};
}

double run_gemms(double budget_seconds, at::ScalarType dtype = at::kFloat) {
  constexpr int64_t n = 512;
  const auto a = at::randn({n, n}).to(dtype), b = at::randn({n, n}).to(dtype);
  auto c = at::empty({n, n}, a.options());
  // The warm-up run also starts the thread pool and first-touches the buffers.
  return 2.0 * n * n * n * runs_per_second(budget_seconds, [&] { at::mm_out(c, a, b); }) / 1e9;
}

}  // namespace

double cpu_int8_speedup(int threads, double budget_seconds) {
  try {
    if (!Int8Linear::available()) return 0;
    at::NoGradGuard no_grad;
    configure_threads(threads);
    // A projection-like shape: large enough that activation quantisation is amortised
    // as it is in the DiT.
    const auto x = at::randn({1024, 1024}), w = at::randn({1024, 1024}) * 0.02;
    const Int8Linear int8(w);
    auto out = at::empty({1024, 1024});
    const double fp32 = runs_per_second(budget_seconds, [&] { at::mm_out(out, x, w.t()); });
    const double q8 = runs_per_second(budget_seconds, [&] { (void)int8.apply(x); });
    return fp32 > 0 ? q8 / fp32 : 0;
  } catch (const std::exception&) {
    return 0;
  }
}

std::string int8_kernel_name() {
  try {
    return Int8Linear::kernel_name();
  } catch (const std::exception& e) {
    return std::string("unavailable: ") + e.what();
  }
}

namespace {

// Below this many GFLOP/s per thread the BLAS is considered untuned whatever the CPU: a
// tuned BLAS on any AVX2 core is well above it, Debian's reference BLAS below it even
// summed over all threads.
constexpr double kSlowGflopsPerThread = 5.0;

// The float32 GEMM rate below which a BLAS is untuned on these vector units.
double expected_min_gflops(const CpuFeatures& cpu, int threads) {
  // lanes x 2 FLOPs per FMA x 1 FMA unit x 2 GHz, halved: every tuned kernel on a current
  // core clears it, a kernel for an older instruction set (or none) does not.
  const double per_thread = 0.5 * float_lanes(cpu) * 2.0 * 2.0;
  return std::max(per_thread, kSlowGflopsPerThread) * std::max(1, threads);
}

std::string whole(double value) {
  return std::to_string(static_cast<long long>(value));
}

std::string slow_advice(const MatmulSpeed& speed) {
  const auto& k = speed.kernel;
  if (speed.blas_library.find("/blas/") != std::string::npos)
    return "LibTorch is using the reference BLAS (" + speed.blas_library +
           "). Install an optimised one, e.g. on Debian or Ubuntu: sudo apt install "
           "libopenblas0-pthread";
  if (k.fallback && k.selection == BlasCoreSelection::User)
    return "OPENBLAS_CORETYPE=" + k.core + " selects OpenBLAS's generic " + k.core +
           " kernels, but this CPU supports " + k.best_core + ": unset OPENBLAS_CORETYPE or set " +
           "it to " + k.best_core + ".";
  if (k.fallback && k.selection == BlasCoreSelection::Kept)
    return "OpenBLAS runs its generic " + k.core + " kernels on this CPU; its " + k.tried_core +
           " kernels were tried and rejected (" + k.reason +
           "). A newer OpenBLAS may know this CPU.";
  if (k.fallback)
    return "OpenBLAS runs its generic " + k.core + " kernels on this CPU, which supports " +
           k.best_core + ": set OPENBLAS_CORETYPE=" + k.best_core + ".";
  return "Check that an optimised BLAS (OpenBLAS or MKL) is installed and that no other "
         "program is using the CPU.";
}

}  // namespace

MatmulSpeed classify_matmul_speed(double gflops, int threads, std::string blas_library,
                                  const CpuFeatures& cpu, const BlasKernel& kernel) {
  MatmulSpeed speed;
  speed.gflops = gflops;
  speed.threads = threads;
  speed.blas_library = std::move(blas_library);
  speed.kernel = kernel;
  speed.expected_gflops = expected_min_gflops(cpu, threads);
  speed.slow = gflops > 0 && gflops < speed.expected_gflops;
  if (!speed.slow) return speed;
  speed.advice = "Matrix multiplication runs at only " + whole(gflops) +
                 " GFLOP/s on this CPU, where its vector units (" + cpu.summary() + ", " +
                 std::to_string(std::max(1, threads)) + " threads) should give at least " +
                 whole(speed.expected_gflops) +
                 ", so generation will be many times slower than it should be. " +
                 slow_advice(speed);
  return speed;
}

double cpu_bfloat16_speedup(int threads, double budget_seconds) {
  try {
    at::NoGradGuard no_grad;
    configure_threads(threads);  // bf16 GEMMs run on LibTorch's threads, fp32 on BLAS's
    const double fp32 = run_gemms(budget_seconds, at::kFloat);
    const double bf16 = run_gemms(budget_seconds, at::kBFloat16);
    return fp32 > 0 ? bf16 / fp32 : 0;
  } catch (const std::exception&) {
    return 0;
  }
}

MatmulSpeed measure_matmul_speed(double budget_seconds) {
  try {
    at::NoGradGuard no_grad;
    // The float32 GEMM runs on OpenBLAS's threads: judge the rate per thread of those.
    const int blas = openblas_threads();
    const int threads = blas > 0 ? blas : at::get_num_threads();
    const double gflops = run_gemms(std::max(0.01, budget_seconds));
    return classify_matmul_speed(gflops, threads, mapped_blas_library(), detect_cpu_features(),
                                 current_blas_kernel());
  } catch (const std::exception&) {
    return {};  // unknown speed: no warning, no estimate
  }
}

}  // namespace drs
