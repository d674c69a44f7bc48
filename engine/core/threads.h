// Intra-op thread count. LibTorch starts with 1 thread on some builds (measured on
// Debian's 1.13): set it from the machine's cores unless the user chose a number.
#pragma once

namespace drs {

// threads <= 0 means "all hardware threads". Returns the count now in effect.
int configure_threads(int threads);

// The count configure_threads(threads) puts in effect, without changing anything.
int resolved_threads(int threads);

}  // namespace drs
