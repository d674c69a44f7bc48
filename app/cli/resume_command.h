// `diffrhythm-cli resume` and `generate --resume`: finding interrupted runs' journals.
#pragma once

#include <filesystem>
#include <optional>

#include "cli_options.h"
#include "drs/engine.h"
#include "drs/run_journal.h"

namespace drs::cli {

// Prints the journals that can be continued (and the unusable ones, with why).
int list_runs();

// The journal named by `resume RUN`: a file, or a run id in the cache folder. Throws
// drs::Error(BadInput) when there is none.
RunJournal find_run(const std::string& run);

// The newest usable journal of exactly this request on this model set (generate
// --resume), if any.
std::optional<RunJournal> matching_run(const GenerationRequest& request,
                                       const std::string& model_id);

// The precision a journal was computed in, to resume it the same way.
Precision precision_of(const RunJournal& journal);
// The precision named by ModelInfo::precision (as journals and take manifests record it).
Precision precision_named(const std::string& name);

}  // namespace drs::cli
