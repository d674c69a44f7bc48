// One generation run over already-configured models: the stages of Engine::generate.
#pragma once

#include <chrono>
#include <stop_token>

#include "drs/engine.h"
#include "pipeline/loaded_models.h"

namespace drs {

// Throws drs::Error (incl. Cancelled); Engine::generate turns that into an Outcome.
GenerationResult run_generation(LoadedModels& models, const ModelInfo& info,
                                const GenerationRequest& request, const ProgressSink& progress,
                                const std::stop_token& stop,
                                std::chrono::steady_clock::time_point started);

}  // namespace drs
