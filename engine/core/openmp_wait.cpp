#include "drs/openmp_wait.h"

#include <unistd.h>

#include <cstdlib>

namespace drs {

void reexec_with_passive_openmp_wait(char** argv) {
  if (argv == nullptr || argv[0] == nullptr || std::getenv("OMP_WAIT_POLICY") != nullptr) return;
  if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 0) != 0) return;
  // /proc/self/exe is this very binary even when argv[0] is a bare name or a symlink.
  ::execv("/proc/self/exe", argv);
}

}  // namespace drs
