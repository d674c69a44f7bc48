// Engine progress on stderr, three ways: JSON lines (--json-progress, every event), one
// line per step, chunk and stage (logs and pipes), or one line rewritten in place
// (stage, step k/N, a bar, elapsed, ETA) when stderr is a terminal. The overall
// percentage and the ETA come from drs::frontend::RunTracker, as in the desktop app.
#pragma once

#include <cstdio>
#include <string>

#include "drs/progress.h"
#include "frontend/run_tracker.h"

namespace drs::cli {

class ProgressPrinter {
 public:
  enum class Mode { Lines, Json, Terminal };

  ProgressPrinter(std::FILE* out, Mode mode, frontend::RunPriors priors);
  // Terminal when `out` is one and `json` is off, else Lines or Json.
  ProgressPrinter(std::FILE* out, bool json, int takes);
  ~ProgressPrinter();
  ProgressPrinter(const ProgressPrinter&) = delete;
  ProgressPrinter& operator=(const ProgressPrinter&) = delete;

  void operator()(const Progress& p);
  // Ends the terminal's updating line, so that later messages start on their own.
  void end_line();

  [[nodiscard]] const frontend::RunTracker& tracker() const { return tracker_; }
  // The ETA as printed: seconds left, negative when unknown.
  [[nodiscard]] double eta() const;

 private:
  void print_json(const Progress& p);
  void print_line(const Progress& p);
  void print_terminal(const Progress& p);
  [[nodiscard]] std::string detail(const Progress& p) const;

  std::FILE* out_;
  Mode mode_;
  frontend::RunTracker tracker_;
  int takes_;
  bool line_open_ = false;    // Terminal: a line without its newline is on screen
  double last_drawn_ = -1e9;  // Terminal: elapsed seconds of the last redraw
  Stage last_stage_ = Stage::Done;
};

}  // namespace drs::cli
