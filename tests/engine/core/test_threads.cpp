#include <gtest/gtest.h>

#include <thread>

#include "core/threads.h"

TEST(Threads, ZeroMeansAllHardwareThreads) {
  const int expected = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(drs::configure_threads(0), expected);
}

TEST(Threads, ExplicitCountIsApplied) {
  EXPECT_EQ(drs::configure_threads(1), 1);
  EXPECT_EQ(drs::configure_threads(0),
            static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}
