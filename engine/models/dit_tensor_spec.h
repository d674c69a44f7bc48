// The tensor names and shapes a DiffRhythm DiT checkpoint must hold (MODEL.md §2.5),
// derived from its config.json through the engine's one DiT config reader
// (dit/dit_config.h), so an import rejects a wrong, truncated or mis-shaped weight file
// by name before anything is copied. Only the safetensors header is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "dit/dit_config.h"

namespace drs::models {

// Reads a DiT config.json: the hub's file ({"model": {...}}), a fixture's ({"config":
// {...}}) or a flat one. `full` selects the duration embedding of the full model.
// Throws drs::Error(ModelCorrupt / ModelMissing) naming the file.
[[nodiscard]] DitConfig read_dit_config(const std::filesystem::path& config, bool full);
// The same from the file's text; `origin` names it in messages.
[[nodiscard]] DitConfig parse_dit_config(const std::string& text, bool full,
                                         const std::string& origin);

// name (with the "transformer." prefix) -> shape.
[[nodiscard]] std::map<std::string, std::vector<std::int64_t>> expected_dit_tensors(
    const DitConfig& config);

// Empty when the safetensors file at `path` holds exactly the expected tensors, else a
// message naming the first problems (missing, unexpected, mis-shaped tensors).
[[nodiscard]] std::string check_dit_weights(const std::filesystem::path& path,
                                            const DitConfig& config);

}  // namespace drs::models
