// LibTorch runs element-wise work on GNU OpenMP threads, Debian's OpenBLAS runs GEMMs on
// its own pthreads. By default an OpenMP thread spins for a while after each parallel
// region, so on a small CPU the next GEMM's BLAS threads share the cores with spinning
// OpenMP threads: measured on 2 cores, one real-size DiT forward reached 0.64 of the
// GEMM roofline with spinning and 0.92 with OMP_WAIT_POLICY=PASSIVE. libgomp reads that
// variable once, when it is loaded (before main), hence a re-exec.
#pragma once

namespace drs {

// Call first thing in main(). Unless OMP_WAIT_POLICY is already set (by the user, or
// by this function before the re-exec), sets it to PASSIVE (and OpenBLAS's thread
// timeout to its minimum, unless set) and re-executes the same
// program with the same arguments (same process id). Returns normally when nothing
// was to be done or the re-exec failed (the program then runs as before).
void reexec_with_passive_openmp_wait(char** argv);

}  // namespace drs
