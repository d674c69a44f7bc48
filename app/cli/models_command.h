// `diffrhythm-cli models ...`: the model store without the GUI.
#pragma once

#include "cli_options.h"

namespace drs::cli {

// Runs the subcommand in `opt`; returns the exit code (see cli_options.h).
int run_models(const Options& opt);

}  // namespace drs::cli
