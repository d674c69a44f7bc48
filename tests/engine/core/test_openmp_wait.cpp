// The re-exec that makes OpenMP threads sleep instead of spinning: a forked child calls
// it and comes back as this test binary running only the check below.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "drs/openmp_wait.h"

namespace {

constexpr const char* kChildFlag = "DRS_TEST_OPENMP_CHILD";

}  // namespace

// Runs for real only in the re-executed child.
TEST(OpenmpWait, ChildSeesPassivePolicy) {
  if (std::getenv(kChildFlag) == nullptr) GTEST_SKIP() << "runs in the re-executed child";
  const char* policy = std::getenv("OMP_WAIT_POLICY");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(std::string(policy), "PASSIVE");
}

TEST(OpenmpWait, ReexecutesOnceWithPassivePolicy) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::unsetenv("OMP_WAIT_POLICY");
    ::setenv(kChildFlag, "1", 1);
    std::string filter = "--gtest_filter=OpenmpWait.ChildSeesPassivePolicy";
    std::string self = "test_core";
    char* argv[] = {self.data(), filter.data(), nullptr};
    drs::reexec_with_passive_openmp_wait(argv);
    _exit(42);  // only reached when the re-exec did not happen
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);  // 42: no re-exec; 1: wrong policy in the child
}

TEST(OpenmpWait, RespectsAPolicyTheUserChose) {
  const char* before = std::getenv("OMP_WAIT_POLICY");
  const std::string saved = before ? before : "";
  ::setenv("OMP_WAIT_POLICY", "ACTIVE", 1);
  std::string self = "test_core";
  char* argv[] = {self.data(), nullptr};
  drs::reexec_with_passive_openmp_wait(argv);  // must return: the user's choice stands
  EXPECT_EQ(std::string(std::getenv("OMP_WAIT_POLICY")), "ACTIVE");
  if (before)
    ::setenv("OMP_WAIT_POLICY", saved.c_str(), 1);
  else
    ::unsetenv("OMP_WAIT_POLICY");
}
