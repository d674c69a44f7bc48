#include <gtest/gtest.h>

#include <ATen/Parallel.h>

#include <cstdio>

#include "drs/blas_kernel.h"
#include "drs/machine_speed.h"

TEST(MachineSpeed, MeasuresAPositiveRateWithTheGemmsThreads) {
  const auto speed = drs::measure_matmul_speed(0.05);
  EXPECT_GT(speed.gflops, 0);
  const int blas = drs::openblas_threads();
  EXPECT_EQ(speed.threads, blas > 0 ? blas : at::get_num_threads());
  EXPECT_EQ(speed.slow, !speed.advice.empty());
  std::printf("matmul %.1f GFLOP/s on %d threads, BLAS %s%s\n", speed.gflops, speed.threads,
              speed.blas_library.empty() ? "(linked in)" : speed.blas_library.c_str(),
              speed.slow ? " -> slow" : "");
}

TEST(MachineSpeed, ReferenceBlasIsCalledOutWithTheFix) {
  const auto speed =
      drs::classify_matmul_speed(4.1, 2, "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");
  EXPECT_TRUE(speed.slow);
  EXPECT_NE(speed.advice.find("4 GFLOP/s"), std::string::npos) << speed.advice;
  EXPECT_NE(speed.advice.find("reference BLAS"), std::string::npos) << speed.advice;
  EXPECT_NE(speed.advice.find("libopenblas0-pthread"), std::string::npos) << speed.advice;
}

TEST(MachineSpeed, ThresholdScalesWithThreadsAndUnknownIsNotSlow) {
  const std::string openblas = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";
  EXPECT_FALSE(drs::classify_matmul_speed(170, 2, openblas).slow);
  EXPECT_TRUE(drs::classify_matmul_speed(30, 16, openblas).slow);  // ~2 per thread
  const auto other = drs::classify_matmul_speed(3, 1, openblas);
  EXPECT_TRUE(other.slow);
  EXPECT_EQ(other.advice.find("reference BLAS"), std::string::npos);
  EXPECT_FALSE(drs::classify_matmul_speed(0, 2, "").slow);  // not measured
}

TEST(MachineSpeed, Bfloat16SpeedupIsMeasured) {
  const double speedup = drs::cpu_bfloat16_speedup(0, 0.05);
  EXPECT_GT(speedup, 0);
  std::printf("bfloat16 / float32 GEMM rate on this CPU: %.2f\n", speedup);
}
