#include "core/blas_probe.h"

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "core/runs_per_second.h"

namespace drs {
namespace {

// cblas_sgemm with its enums as ints (CblasRowMajor = 101, CblasNoTrans = 111).
using Sgemm = void (*)(int, int, int, int, int, int, float, const float*, int, const float*, int,
                       float, float*, int);
constexpr int kRowMajor = 101, kNoTrans = 111;

Sgemm find_sgemm() {
  return reinterpret_cast<Sgemm>(::dlsym(RTLD_DEFAULT, "cblas_sgemm"));
}

// Deterministic values in [-1, 1): the check must not depend on a seed or on LibTorch.
std::vector<float> values(std::size_t n, uint32_t seed) {
  std::vector<float> out(n);
  for (auto& v : out) {
    seed = seed * 1664525u + 1013904223u;
    v = static_cast<float>(seed >> 8) / static_cast<float>(1u << 23) - 1.0f;
  }
  return out;
}

// Largest |C - reference| relative to the largest |reference| for one M x K x N product.
double relative_error(Sgemm sgemm, int m, int k, int n) {
  const auto a = values(static_cast<std::size_t>(m) * k, 7u + static_cast<uint32_t>(m));
  const auto b = values(static_cast<std::size_t>(k) * n, 11u + static_cast<uint32_t>(n));
  std::vector<float> c(static_cast<std::size_t>(m) * n, 0.0f);
  sgemm(kRowMajor, kNoTrans, kNoTrans, m, n, k, 1.0f, a.data(), k, b.data(), n, 0.0f, c.data(), n);
  double worst = 0, scale = 0;
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      double ref = 0;
      for (int p = 0; p < k; ++p)
        ref += static_cast<double>(a[static_cast<std::size_t>(i) * k + p]) *
               static_cast<double>(b[static_cast<std::size_t>(p) * n + j]);
      const double got = c[static_cast<std::size_t>(i) * n + j];
      worst = std::max(worst, std::isfinite(got) ? std::abs(got - ref) : INFINITY);
      scale = std::max(scale, std::abs(ref));
    }
  }
  return worst / std::max(scale, 1e-30);
}

}  // namespace

double blas_sgemm_gflops(double budget_seconds) {
  const auto sgemm = find_sgemm();
  if (sgemm == nullptr) return 0;
  constexpr int n = 512;
  const auto a = values(n * n, 1), b = values(n * n, 2);
  std::vector<float> c(n * n);
  const auto run = [&] {
    sgemm(kRowMajor, kNoTrans, kNoTrans, n, n, n, 1.0f, a.data(), n, b.data(), n, 0.0f, c.data(),
          n);
  };
  return 2.0 * n * n * n * runs_per_second(budget_seconds, run) / 1e9;
}

std::string blas_sgemm_check() {
  const auto sgemm = find_sgemm();
  if (sgemm == nullptr) return "the BLAS has no cblas_sgemm";
  // Odd sizes reach the kernels' edge paths; the large one the packed blocking.
  constexpr int kShapes[][3] = {{1, 1, 1}, {7, 5, 3}, {67, 129, 35}, {300, 257, 190}};
  for (const auto& s : kShapes) {
    const double error = relative_error(sgemm, s[0], s[1], s[2]);
    if (!(error < 1e-5)) {
      char text[128];
      std::snprintf(text, sizeof text, "a %dx%dx%d product is off by %.2g (relative)", s[0], s[1],
                    s[2], error);
      return text;
    }
  }
  return {};
}

}  // namespace drs
