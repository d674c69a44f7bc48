// What tune_process() did about the OpenBLAS core, carried across its re-exec in one
// environment variable (DRS_BLAS_CORE_STATE) so the re-executed process, its children and
// current_blas_kernel() all know whether OPENBLAS_CORETYPE was set by us or by the user.
#pragma once

#include <string>

namespace drs {

struct BlasCoreState {
  enum class Phase {
    None,       // nothing done (OPENBLAS_CORETYPE, if set, is the user's)
    Simulated,  // OPENBLAS_CORETYPE=library_core stands in for OpenBLAS's own choice
    Trial,      // OPENBLAS_CORETYPE=candidate, to be verified by this process
    Selected,   // the candidate passed and is in use
    Kept,       // the candidate failed; the library's core is in use
  };
  Phase phase = Phase::None;
  std::string library_core;  // OpenBLAS's own (or the simulated) choice
  bool simulated = false;    // library_core came from DRS_BLAS_CORE_START
  std::string candidate;
  double gflops_library = 0, gflops_candidate = 0;
  std::string reason;  // why the candidate was rejected

  [[nodiscard]] static BlasCoreState from_environment();
  [[nodiscard]] static BlasCoreState parse(const std::string& text);
  [[nodiscard]] std::string serialize() const;
  void to_environment() const;
};

inline constexpr const char* kBlasCoreStateVariable = "DRS_BLAS_CORE_STATE";

}  // namespace drs
