// Turns engine progress events into one stderr line each (human or JSON), with an
// overall percentage and an ETA from the measured pace of the current stage.
#pragma once

#include <cstdio>

#include "drs/progress.h"

namespace drs::cli {

class ProgressPrinter {
 public:
  ProgressPrinter(std::FILE* out, bool json, int takes) : out_(out), json_(json), takes_(takes) {}
  void operator()(const Progress& p);

  // Overall completion 0..1 and remaining seconds (negative when unknown).
  [[nodiscard]] static double overall_fraction(const Progress& p, int takes);

 private:
  std::FILE* out_;
  bool json_;
  int takes_;
  double sampling_started_ = -1;  // elapsed seconds when sampling began
  double decoding_started_ = -1;  // ... and when decoding began
  double last_printed_ = -1e9;
};

}  // namespace drs::cli
