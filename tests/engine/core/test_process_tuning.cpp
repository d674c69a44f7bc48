// The start-up re-exec: OpenMP threads that sleep, and the OpenBLAS core chosen for the
// CPU. A forked child calls tune_process() and comes back as this test binary running
// only the named check below (which is skipped in the parent's own run).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "core/kernel_choice.h"
#include "drs/blas_kernel.h"
#include "drs/process_tuning.h"

namespace {

constexpr const char* kChildFlag = "DRS_TEST_TUNING_CHILD";

bool in_child() {
  return std::getenv(kChildFlag) != nullptr;
}

// A child goes on with the start-up as a real main() would: tune_process() may re-execute
// it again (a core trial is verified by the next process).
void continue_start_up(const char* test) {
  std::string self = "test_core";
  std::string filter = std::string("--gtest_filter=") + test;
  char* argv[] = {self.data(), filter.data(), nullptr};
  drs::tune_process(argv);
}

// Forks; the child prepares its environment, then tune_process() re-executes it running
// only `child_test`. The child's exit status: 0 passed, 1 failed, 42 no re-exec.
// `core_free`: the child starts without OPENBLAS_CORETYPE; where the environment sets it
// (some machines need it), such a child must not run (-2). Otherwise the child keeps it.
int run_child(const std::string& child_test, const std::function<void()>& prepare,
              bool core_free = true) {
  std::fflush(nullptr);
  if (core_free && std::getenv("OPENBLAS_CORETYPE") != nullptr) return -2;
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    for (const char* name :
         {"OMP_WAIT_POLICY", "DRS_BLAS_CORE_STATE", "DRS_BLAS_CORE_START", "GLIBC_TUNABLES"})
      ::unsetenv(name);
    if (core_free) ::unsetenv("OPENBLAS_CORETYPE");
    ::setenv(kChildFlag, "1", 1);
    prepare();
    std::string filter = "--gtest_filter=" + child_test;
    std::string self = "test_core";
    char* argv[] = {self.data(), filter.data(), nullptr};
    drs::tune_process(argv);
    _exit(42);  // only reached when the re-exec did not happen
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace

TEST(ProcessTuningChild, SeesPassivePolicy) {
  if (!in_child()) GTEST_SKIP() << "runs in the re-executed child";
  const char* policy = std::getenv("OMP_WAIT_POLICY");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(std::string(policy), "PASSIVE");
}

// What the child expects GLIBC_TUNABLES to be, set by the parent's prepare step.
constexpr const char* kExpectedTunables = "DRS_TEST_EXPECTED_TUNABLES";

TEST(ProcessTuningChild, SeesHugePageMalloc) {
  if (!in_child()) GTEST_SKIP() << "runs in the re-executed child";
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const char* expected = std::getenv(kExpectedTunables);
  ASSERT_NE(tunables, nullptr);
  ASSERT_NE(expected, nullptr);
  EXPECT_EQ(std::string(tunables), expected);
}

TEST(ProcessTuningChild, KeepsTheUsersCore) {
  if (!in_child()) GTEST_SKIP() << "runs in the re-executed child";
  continue_start_up("ProcessTuningChild.KeepsTheUsersCore");  // must not re-execute
  const auto kernel = drs::current_blas_kernel();
  if (!kernel.is_openblas()) GTEST_SKIP() << "the BLAS is not OpenBLAS";
  EXPECT_EQ(kernel.core, "Prescott");
  EXPECT_EQ(kernel.selection, drs::BlasCoreSelection::User);
  EXPECT_STREQ(std::getenv("OPENBLAS_CORETYPE"), "Prescott");
  std::printf("%s\n", kernel.describe().c_str());
}

TEST(ProcessTuningChild, ReplacesAFallbackCore) {
  if (!in_child()) GTEST_SKIP() << "runs in the re-executed child";
  continue_start_up("ProcessTuningChild.ReplacesAFallbackCore");
  const auto kernel = drs::current_blas_kernel();
  if (!kernel.is_openblas()) GTEST_SKIP() << "the BLAS is not OpenBLAS";
  std::printf("%s\n", kernel.describe().c_str());
  const auto better = drs::better_openblas_core(drs::detect_cpu_features(), "Prescott");
  if (better.empty()) {  // an SSE-only CPU: Prescott is right for it
    EXPECT_EQ(kernel.core, "Prescott");
    return;
  }
  ASSERT_NE(kernel.selection, drs::BlasCoreSelection::Library);
  ASSERT_NE(kernel.selection, drs::BlasCoreSelection::User);
  EXPECT_EQ(kernel.library_core, "Prescott");
  EXPECT_GT(kernel.gflops_library, 0);
  if (kernel.selection == drs::BlasCoreSelection::Automatic) {
    EXPECT_EQ(kernel.core, better);
    EXPECT_FALSE(kernel.fallback);
    EXPECT_GT(kernel.gflops_selected, kernel.gflops_library);
  } else {  // rejected: back on the library's core, with a reason
    EXPECT_EQ(kernel.selection, drs::BlasCoreSelection::Kept);
    EXPECT_EQ(kernel.core, "Prescott");
    EXPECT_EQ(kernel.tried_core, better);
    EXPECT_FALSE(kernel.reason.empty());
  }
}

TEST(ProcessTuning, ReexecutesWithPassivePolicy) {
  if (in_child()) GTEST_SKIP();
  if (std::getenv("OPENBLAS_CORETYPE")) GTEST_SKIP() << "OPENBLAS_CORETYPE is set here";
  EXPECT_EQ(run_child("ProcessTuningChild.SeesPassivePolicy", [] {}), 0);
}

// The child's exit status when it starts with GLIBC_TUNABLES = `initial` (unset when
// empty) and must see `expected` after the re-exec; the OpenBLAS core plays no part.
int tunables_after_start_up(std::string initial, std::string expected) {
  constexpr bool kAnyCore = false;
  return run_child(
      "ProcessTuningChild.SeesHugePageMalloc",
      [&] {
        if (!initial.empty()) ::setenv("GLIBC_TUNABLES", initial.c_str(), 1);
        ::setenv(kExpectedTunables, expected.c_str(), 1);
      },
      kAnyCore);
}

TEST(ProcessTuning, MallocGetsHugePagesWithoutLosingTheUsersTunables) {
  if (in_child()) GTEST_SKIP();
  EXPECT_EQ(tunables_after_start_up("", "glibc.malloc.hugetlb=1"), 0);
  // Other tunables stay; the setting is added to them.
  EXPECT_EQ(tunables_after_start_up("glibc.malloc.arena_max=2",
                                    "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"),
            0);
  // A user who chose otherwise is not overridden (the re-exec here is OpenMP's).
  EXPECT_EQ(tunables_after_start_up("glibc.malloc.hugetlb=0", "glibc.malloc.hugetlb=0"), 0);
}

TEST(ProcessTuning, ForcedFallbackCoreIsTheUsersChoice) {
  if (in_child()) GTEST_SKIP();
  if (std::getenv("OPENBLAS_CORETYPE")) GTEST_SKIP() << "OPENBLAS_CORETYPE is set here";
  EXPECT_EQ(run_child("ProcessTuningChild.KeepsTheUsersCore",
                      [] { ::setenv("OPENBLAS_CORETYPE", "Prescott", 1); }),
            0);
}

TEST(ProcessTuning, AFallbackCoreIsReplacedAfterACheck) {
  if (in_child()) GTEST_SKIP();
  if (std::getenv("OPENBLAS_CORETYPE")) GTEST_SKIP() << "OPENBLAS_CORETYPE is set here";
  // As if OpenBLAS had not known this CPU and fallen back to Prescott.
  EXPECT_EQ(run_child("ProcessTuningChild.ReplacesAFallbackCore",
                      [] { ::setenv("DRS_BLAS_CORE_START", "Prescott", 1); }),
            0);
}

TEST(ProcessTuning, NothingToDoMeansNoReexec) {
  if (in_child()) GTEST_SKIP();
  if (std::getenv("OPENBLAS_CORETYPE")) GTEST_SKIP() << "OPENBLAS_CORETYPE is set here";
  // The user chose all three: tune_process() must return in the same process.
  EXPECT_EQ(run_child("ProcessTuningChild.SeesPassivePolicy",
                      [] {
                        ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=0", 1);
                        ::setenv("OMP_WAIT_POLICY", "ACTIVE", 1);
                        ::setenv("OPENBLAS_CORETYPE", "Prescott", 1);
                      }),
            42);
}
