// One generation run over already-configured models: the stages of Engine::generate.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <stop_token>

#include "drs/engine.h"
#include "pipeline/loaded_models.h"
#include "pipeline/run_journal.h"

namespace drs {

// Where and as what a run journals itself (drs/run_journal.h).
struct RunJournaling {
  std::filesystem::path dir;
  RunIdentity identity;
};

// Throws drs::Error (incl. Cancelled); Engine::generate turns that into an Outcome.
// With `journaling`, the run's journal file is stored in *journal_out as soon as it
// exists, so that a failed or cancelled run can report it.
GenerationResult run_generation(LoadedModels& models, const ModelInfo& info,
                                const GenerationRequest& request, const ProgressSink& progress,
                                const std::stop_token& stop,
                                std::chrono::steady_clock::time_point started,
                                const std::optional<RunJournaling>& journaling = std::nullopt,
                                std::filesystem::path* journal_out = nullptr);

// Continues a journal (checked against `identity`) from its last step; *journal_out is
// set once the journal passed its checks. `listen_in`: as GenerationRequest::listen_in.
GenerationResult resume_generation(LoadedModels& models, const ModelInfo& info,
                                   const std::filesystem::path& journal,
                                   const RunIdentity& identity, const ProgressSink& progress,
                                   const std::stop_token& stop,
                                   std::chrono::steady_clock::time_point started,
                                   std::filesystem::path* journal_out = nullptr,
                                   ListenIn* listen_in = nullptr);

}  // namespace drs
