// `diffrhythm-cli generate --batch FILE`: one generation per line of FILE, each line a
// JSON object whose keys are generate's long options without the dashes and whose
// values are theirs ({"lyrics": "a.lrc", "style": "jazz", "seed": 7, "out": "a.wav"};
// true for a flag such as "keep-partial"). The batch's other command-line options come
// first, so that a line overrides them. With --resume a line whose output and replay
// manifest already exist is skipped and an interrupted line continues from its journal:
// running the same batch again after a crash or a Ctrl+C finishes it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cli_options.h"

namespace drs::cli {

// Each line's options as command-line words ("--style", "jazz", ...); blank lines and
// lines starting with '#' are skipped. Throws drs::Error(BadInput) naming the line.
std::vector<std::vector<std::string>> read_batch(const std::filesystem::path& file);

// Runs every line through `generate` (run_generate, reporting its own errors as exit
// codes); a failing line does not stop the others, a cancel does. Returns the first
// failing line's exit code, else kOk.
int run_batch(int argc, char** argv, const std::function<int(const Options&)>& generate);

}  // namespace drs::cli
