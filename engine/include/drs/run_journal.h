// Runs that survive a crash, a kill, a reboot or a closed window. After every sampler
// step the engine rewrites the run's journal in <cache>/runs/ (atomically: a journal is
// always a complete earlier step, never half of one): the sampler's state, every input
// the remaining steps need, the request and what produced it. Engine::resume continues
// a journal where it stopped and gives the same audio, bit for bit, as the run would
// have given uninterrupted (same model files, precision and threads).
//
// A run's journal is deleted when its takes are returned; a cancelled or failed run
// keeps it (GenerationResult::journal) so the caller decides: the app discards it when
// the user pressed Cancel and keeps it when the window closes mid-run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "drs/engine.h"

namespace drs {

struct RunJournal {
  std::filesystem::path file;
  std::string run_id;
  int step = 0;             // sampler steps completed
  int steps = 0;            // sampler steps of the run
  std::string started_utc;  // ISO 8601, when the run began
  std::string updated_utc;  // when the last step was journalled
  std::string model_id;     // the model set's manifest id
  std::string model_name;
  std::string app_version;
  std::string precision;  // ModelInfo::precision of the run
  int threads = 0;        // intra-op threads (bit-identical results need the same count)
  bool seed_given = false;
  bool is_edit = false;       // an edit or continuation (its reference is in the journal)
  GenerationRequest request;  // as submitted, with the seed that was used
  std::string problem;        // set when the file cannot be used; it can only be discarded
};

// <cache_dir>/runs
std::filesystem::path run_journal_dir(const std::filesystem::path& cache_dir);

// Every journal in the folder, newest first. Unreadable ones are listed too, with
// `problem` saying why.
std::vector<RunJournal> list_run_journals(const std::filesystem::path& cache_dir);

// Reads the description of one journal (not its tensors). Throws drs::Error(BadInput)
// naming the file when it is not a readable run journal.
RunJournal read_run_journal(const std::filesystem::path& file);

// Removes a journal; a file already gone is not an error.
void discard_run_journal(const std::filesystem::path& file);

}  // namespace drs
