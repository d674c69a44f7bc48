#include "core/threads.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <thread>

namespace drs {

int configure_threads(int threads) {
  threads = resolved_threads(threads);
  if (at::get_num_threads() != threads) at::set_num_threads(threads);
  return at::get_num_threads();
}

int resolved_threads(int threads) {
  return threads > 0 ? threads
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace drs
