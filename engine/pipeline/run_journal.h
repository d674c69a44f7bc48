// Writing a run's journal while it samples, and reading one back to resume it
// (drs/run_journal.h has the public side).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "drs/engine.h"
#include "drs/run_journal.h"
#include "pipeline/run_journal_file.h"
#include "sampler/cfm_sampler.h"

namespace drs {

// What a journal says about its run, besides the tensors: checked against the engine
// that resumes it.
struct RunIdentity {
  std::string model_id;
  std::string model_name;
  std::string model_fingerprint;  // the set's files: names, sizes, modification times
  std::string precision;
  std::string device;
  int threads = 0;
  // "OpenBLAS <core>" ("" for another BLAS): cores of one width round differently.
  std::string blas_core;
};

RunIdentity identify_run(const std::filesystem::path& model_dir, const ModelInfo& info);

// The header of a new run's journal (its tensors come with each step).
nlohmann::json new_journal_header(const RunIdentity& identity, const GenerationRequest& request,
                                  std::uint64_t seed, const SampleInputs& inputs);
// <dir>/<run id>.drsrun for a header made by new_journal_header.
std::filesystem::path journal_file_for(const std::filesystem::path& dir,
                                       const nlohmann::json& header);

// Rewrites the journal after each step. Never throws: a journal that cannot be written
// (disk full, read-only cache) only costs resumability, and warning() says so.
class RunJournalWriter {
 public:
  RunJournalWriter(std::filesystem::path file, nlohmann::json header, const SampleInputs& inputs);
  void record(int step, const at::Tensor& state);
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }
  [[nodiscard]] const std::string& warning() const { return warning_; }

 private:
  std::filesystem::path file_;
  nlohmann::json header_;
  NamedTensors inputs_;
  std::string warning_;
};

// Keeps the newest `keep` journals of the folder (older interrupted runs are unlikely to
// be resumed and each holds a song's latents).
void prune_run_journals(const std::filesystem::path& dir, std::size_t keep);

struct ResumedRun {
  RunJournal journal;
  nlohmann::json header;
  SampleInputs inputs;  // y0 = the journalled state, first_step = its step
};

// Reads a journal and checks it against this engine; throws drs::Error(BadInput) naming
// the mismatch (model set, its files, precision, app version) so that a journal is never
// half-used.
ResumedRun read_run_for_resume(const std::filesystem::path& file, const RunIdentity& identity,
                               std::string* warning);

}  // namespace drs
