// The OpenBLAS core decision (CPU features and core names in, decision out), the state
// carried across the re-exec, and the slow-maths verdict against the vector units.
#include <gtest/gtest.h>

#include <cstdio>

#include "core/blas_core_state.h"
#include "core/blas_probe.h"
#include "core/kernel_choice.h"
#include "drs/blas_kernel.h"
#include "drs/machine_speed.h"

namespace {

using drs::CpuFeatures;
using drs::CpuVendor;

CpuFeatures sse_only() {
  return {};
}

CpuFeatures avx2(CpuVendor vendor) {
  CpuFeatures f;
  f.vendor = vendor;
  f.avx = f.avx2 = f.fma = true;
  return f;
}

CpuFeatures avx512(bool bf16) {
  auto f = avx2(CpuVendor::Intel);
  f.avx512f = f.avx512bw = f.avx512dq = f.avx512vl = true;
  f.avx512_vnni = true;
  f.avx512_bf16 = bf16;
  return f;
}

// The CPU of the report: Intel family 6 model 207, AVX512-BF16/FP16/VNNI, no AMX exposed.
CpuFeatures emerald_rapids() {
  auto f = avx512(true);
  f.family = 6;
  f.model = 207;
  return f;
}

}  // namespace

TEST(BlasCoreChoice, FallbackCoresAreReplacedByTheBestMatch) {
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "Prescott"), "Cooperlake");
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "Core2"), "Cooperlake");
  EXPECT_EQ(drs::better_openblas_core(avx512(false), "Katmai"), "SkylakeX");
  EXPECT_EQ(drs::better_openblas_core(avx2(CpuVendor::Intel), "Prescott"), "Haswell");
  EXPECT_EQ(drs::better_openblas_core(avx2(CpuVendor::Amd), "Barcelona"), "Zen");
  // An older but not generic core is upgraded too: its kernels leave units idle.
  EXPECT_EQ(drs::better_openblas_core(avx512(false), "Haswell"), "SkylakeX");
}

TEST(BlasCoreChoice, RightOrNewerCoresAreKept) {
  // Same float32 kernels: no switch (a timing probe between equals decides on noise, and
  // the cores round differently, so takes would not replay bit for bit).
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "SkylakeX"), "");
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "Cooperlake"), "");
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "COOPERLAKE"), "");
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "SapphireRapids"), "");
  EXPECT_EQ(drs::better_openblas_core(avx2(CpuVendor::Amd), "Haswell"), "");  // same level
  EXPECT_EQ(drs::better_openblas_core(avx2(CpuVendor::Intel), "Zen"), "");
  // Names this table does not know may be newer than it: never replaced.
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), "GraniteRapids"), "");
  EXPECT_EQ(drs::better_openblas_core(emerald_rapids(), ""), "");
  // A CPU without AVX has nothing better than the SSE cores.
  EXPECT_EQ(drs::better_openblas_core(sse_only(), "Prescott"), "");
}

TEST(BlasCoreChoice, CoreLevelsAreCaseInsensitive) {
  EXPECT_EQ(drs::openblas_core_level("prescott"), drs::openblas_core_level("PRESCOTT"));
  EXPECT_LT(drs::openblas_core_level("Prescott"), drs::openblas_core_level("Haswell"));
  EXPECT_LT(drs::openblas_core_level("Haswell"), drs::openblas_core_level("SkylakeX"));
  EXPECT_LT(drs::openblas_core_level("SkylakeX"), drs::openblas_core_level("Cooperlake"));
  EXPECT_EQ(drs::openblas_core_level("NoSuchCore"), -1);
}

TEST(BlasCoreChoice, AvxWithoutTheAvx512SubsetIsNotAvx512) {
  auto f = avx2(CpuVendor::Intel);
  f.avx512f = true;  // e.g. a CPU (or VM) exposing only part of AVX-512
  EXPECT_EQ(drs::best_openblas_core(f), "Haswell");
  EXPECT_EQ(drs::float_lanes(f), 8);
  EXPECT_EQ(drs::float_lanes(avx512(false)), 16);
}

// A user's AVX2 core on an AVX-512 CPU (a machine image exporting OPENBLAS_CORETYPE=Haswell)
// is kept, and named for what it is: not a generic fallback, only narrower kernels.
TEST(BlasCoreChoice, TheDescriptionCallsOnlySseCoresGeneric) {
  drs::BlasKernel kernel;
  kernel.best_core = "Cooperlake";
  kernel.fallback = true;
  kernel.selection = drs::BlasCoreSelection::User;
  kernel.core = "Haswell";
  const auto avx2 = kernel.describe();
  EXPECT_NE(avx2.find("not overridden"), std::string::npos) << avx2;
  EXPECT_NE(avx2.find("narrower float32 kernels than this CPU's (Cooperlake)"), std::string::npos)
      << avx2;
  EXPECT_EQ(avx2.find("generic"), std::string::npos) << avx2;
  kernel.core = "Prescott";
  const auto sse = kernel.describe();
  EXPECT_NE(sse.find("a generic fallback: this CPU supports Cooperlake"), std::string::npos) << sse;
  kernel.fallback = false;
  kernel.core = "Cooperlake";
  const auto best = kernel.describe();
  EXPECT_EQ(best.find("narrower"), std::string::npos) << best;
  EXPECT_EQ(best.find("generic"), std::string::npos) << best;
}

TEST(BlasCoreState, SurvivesTheEnvironmentRoundTrip) {
  drs::BlasCoreState s;
  s.phase = drs::BlasCoreState::Phase::Kept;
  s.library_core = "Prescott";
  s.simulated = true;
  s.candidate = "Cooperlake";
  s.gflops_library = 44.25;
  s.gflops_candidate = 12.5;
  s.reason = "wrong results; twice";
  const auto back = drs::BlasCoreState::parse(s.serialize());
  EXPECT_EQ(back.phase, s.phase);
  EXPECT_EQ(back.library_core, "Prescott");
  EXPECT_TRUE(back.simulated);
  EXPECT_EQ(back.candidate, "Cooperlake");
  EXPECT_DOUBLE_EQ(back.gflops_library, 44.25);
  EXPECT_DOUBLE_EQ(back.gflops_candidate, 12.5);
  EXPECT_EQ(back.reason, "wrong results, twice");  // the separator cannot leak in
  EXPECT_EQ(drs::BlasCoreState::parse("garbage").phase, drs::BlasCoreState::Phase::None);
}

TEST(BlasProbe, TheLinkedBlasIsCorrectAndMeasurable) {
  EXPECT_EQ(drs::blas_sgemm_check(), "");
  const double gflops = drs::blas_sgemm_gflops(0.05);
  EXPECT_GT(gflops, 0);
  const auto kernel = drs::current_blas_kernel();
  const auto cpu = drs::detect_cpu_features();
  std::printf("cblas_sgemm %.1f GFLOP/s; %s; CPU family %d model %d: %s\n", gflops,
              kernel.describe().c_str(), cpu.family, cpu.model, cpu.summary().c_str());
}

TEST(SlowMaths, JudgedAgainstTheVectorUnitsNotOnlyTheLibrary) {
  const std::string openblas = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";
  drs::BlasKernel fallback;
  fallback.core = "Prescott";
  fallback.best_core = "Cooperlake";
  fallback.fallback = true;
  // The report: 44 GFLOP/s on Prescott kernels, 227 on Cooperlake, 2 threads.
  const auto slow = drs::classify_matmul_speed(44, 2, openblas, emerald_rapids(), fallback);
  EXPECT_TRUE(slow.slow);
  EXPECT_NE(slow.advice.find("Prescott"), std::string::npos) << slow.advice;
  EXPECT_NE(slow.advice.find("OPENBLAS_CORETYPE=Cooperlake"), std::string::npos) << slow.advice;
  drs::BlasKernel right;
  right.core = "Cooperlake";
  EXPECT_FALSE(drs::classify_matmul_speed(227, 2, openblas, emerald_rapids(), right).slow);
  // The same 44 GFLOP/s is a tuned rate on two SSE-only cores.
  EXPECT_FALSE(drs::classify_matmul_speed(44, 2, openblas, sse_only(), right).slow);

  fallback.selection = drs::BlasCoreSelection::User;
  const auto forced = drs::classify_matmul_speed(44, 2, openblas, emerald_rapids(), fallback);
  EXPECT_NE(forced.advice.find("unset OPENBLAS_CORETYPE"), std::string::npos) << forced.advice;
}
