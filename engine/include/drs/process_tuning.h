// Start-up settings that can only take effect before a library loads, applied by
// re-executing the program once (same process id, same arguments).
//
// - OpenMP: LibTorch runs element-wise work on GNU OpenMP threads and Debian's
//   OpenBLAS runs GEMMs on its own pthreads. By default an OpenMP thread spins after
//   each parallel region, so on a small CPU the next GEMM's threads share the cores with
//   spinning ones. libgomp reads OMP_WAIT_POLICY once, when it loads; PASSIVE makes the
//   threads sleep. OpenBLAS's idle workers likewise spin for 2^28 cycles after each GEMM
//   unless OPENBLAS_THREAD_TIMEOUT says otherwise (read when OpenBLAS loads).
// - glibc's malloc: GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (read when the process starts)
//   backs large blocks with transparent huge pages where the kernel leaves that to the
//   program, so the first touch of a big buffer costs one page fault per 2 MiB.
// - The OpenBLAS core (see blas_kernel.h): on a CPU the installed OpenBLAS does not
//   know, the best matching core is tried with OPENBLAS_CORETYPE and verified by a GEMM
//   check in the re-executed process, which goes back to the library's choice if the
//   check fails.
//
// Variables the user set are never overridden. DRS_BLAS_CORE_START=NAME starts from
// core NAME as if OpenBLAS had chosen it, to reproduce a fallback on any machine.
#pragma once

namespace drs {

// Call first thing in main(), before any thread of the program starts. Returns normally
// when nothing was to be done or a re-exec failed (the program then runs as before).
void tune_process(char** argv);

}  // namespace drs
