// Peak resident memory of this process (VmHWM), in megabytes.
#pragma once

#include <fstream>
#include <string>

namespace drs::bench {

inline double peak_resident_megabytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kb = 0;
      status >> kb;
      return kb / 1024.0;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

}  // namespace drs::bench
