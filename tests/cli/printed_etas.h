// What diffrhythm-cli --json-progress says the time left is: the "eta" of each JSON line a
// ProgressPrinter writes for an event stream. Shared by the printer's own test and the
// test that feeds the GUI's controller the same stream.
#pragma once

#include <cstdio>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "drs/progress.h"
#include "progress_printer.h"

namespace drs::test {

// `printer_args`: the ProgressPrinter's arguments after its output file (JSON mode).
template <typename... Args>
std::vector<double> printed_etas(const std::vector<Progress>& events, Args&&... printer_args) {
  std::FILE* out = std::tmpfile();
  {
    cli::ProgressPrinter printer(out, std::forward<Args>(printer_args)...);
    for (const auto& event : events) printer(event);
  }
  std::rewind(out);
  std::vector<double> etas;
  char line[2048];
  while (std::fgets(line, sizeof line, out))
    etas.push_back(nlohmann::json::parse(line).at("eta").get<double>());
  std::fclose(out);
  return etas;
}

}  // namespace drs::test
