// What journalling a run after every sampler step costs (drs/run_journal.h): the file's
// size and the time to rewrite it, at a song's length, so it can be set against the
// sampler step measured in the same run.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

namespace drs::bench {

// `frames` latent frames, `takes` takes; the median of `repeats` rewrites.
nlohmann::json bench_journal_write(int64_t frames, int takes, int repeats);

}  // namespace drs::bench
