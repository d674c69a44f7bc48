#include "progress_printer.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "frontend/time_format.h"

namespace drs::cli {
namespace {

constexpr double kRedrawSeconds = 0.2;  // Terminal: redraws at most this often
constexpr int kBarWidth = 24;

frontend::RunPriors priors_for_takes(int takes) {
  frontend::RunPriors priors;
  priors.takes = std::max(1, takes);
  return priors;
}

// An event inside a running step (after a transformer block): refines the bar only.
bool refines_step(const Progress& p) {
  return p.stage == Stage::Sampling && p.within_step > 0 && p.step_seconds <= 0;
}

std::string bar(double fraction) {
  const int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kBarWidth + 0.5);
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(kBarWidth - filled), '-') + "]";
}

}  // namespace

ProgressPrinter::ProgressPrinter(std::FILE* out, Mode mode, frontend::RunPriors priors)
    : out_(out), mode_(mode), tracker_(priors), takes_(std::max(1, priors.takes)) {}

ProgressPrinter::ProgressPrinter(std::FILE* out, bool json, int takes)
    : ProgressPrinter(out,
                      json                  ? Mode::Json
                      : isatty(fileno(out)) ? Mode::Terminal
                                            : Mode::Lines,
                      priors_for_takes(takes)) {}

ProgressPrinter::~ProgressPrinter() {
  end_line();
}

double ProgressPrinter::eta() const {
  const auto left = tracker_.remaining();
  return left ? *left : -1.0;
}

void ProgressPrinter::operator()(const Progress& p) {
  tracker_.update(p);
  switch (mode_) {
    case Mode::Json: print_json(p); break;
    case Mode::Lines: print_line(p); break;
    case Mode::Terminal: print_terminal(p); break;
  }
  last_stage_ = p.stage;
  std::fflush(out_);
}

void ProgressPrinter::end_line() {
  if (!line_open_) return;
  std::fputc('\n', out_);
  std::fflush(out_);
  line_open_ = false;
}

std::string ProgressPrinter::detail(const Progress& p) const {
  std::string text;
  if (p.stage == Stage::Sampling && p.steps > 0)
    text = " step " + std::to_string(p.step) + "/" + std::to_string(p.steps);
  else if (p.stage == Stage::Decoding && p.steps > 0)
    text = " chunk " + std::to_string(p.step) + "/" + std::to_string(p.steps) +
           (takes_ > 1 ? " (take " + std::to_string(p.take + 1) + ")" : "");
  else if (p.stage == Stage::Encoding && p.steps > 0)
    text = " chunk " + std::to_string(p.step) + "/" + std::to_string(p.steps);
  if (!p.message.empty()) text += " (" + p.message + ")";
  return text;
}

void ProgressPrinter::print_json(const Progress& p) {
  nlohmann::json line{
      {"stage", to_string(p.stage)},  {"step", p.step}, {"steps", p.steps},
      {"within_step", p.within_step}, {"take", p.take}, {"percent", 100 * tracker_.fraction()},
      {"elapsed", p.elapsed_seconds}, {"eta", eta()},   {"step_seconds", p.step_seconds}};
  if (!p.message.empty()) line["message"] = p.message;
  std::fprintf(out_, "%s\n", line.dump().c_str());
}

// One line per started stage, finished step and decoded chunk; the block-by-block
// refinements inside a step would repeat the step's numbers.
void ProgressPrinter::print_line(const Progress& p) {
  if (refines_step(p)) return;
  std::fprintf(out_, "[%8.1fs] %-14s%s  %5.1f%%  ETA %s\n", p.elapsed_seconds, to_string(p.stage),
               detail(p).c_str(), 100 * tracker_.fraction(),
               frontend::compact_duration(eta()).c_str());
}

void ProgressPrinter::print_terminal(const Progress& p) {
  const bool news = p.stage != last_stage_ || !refines_step(p);
  if (!news && p.elapsed_seconds - last_drawn_ < kRedrawSeconds) return;
  last_drawn_ = p.elapsed_seconds;
  std::string text = std::string(to_string(p.stage)) + detail(p);
  // \r back to the start, \033[K clears what a longer previous line left behind.
  std::fprintf(out_, "\r%-34s %s %5.1f%%  elapsed %s  ETA %s\033[K", text.c_str(),
               bar(tracker_.fraction()).c_str(), 100 * tracker_.fraction(),
               frontend::compact_duration(std::floor(p.elapsed_seconds)).c_str(),
               frontend::compact_duration(eta()).c_str());
  line_open_ = true;
  if (p.stage == Stage::Done || p.stage == Stage::Writing) end_line();
}

}  // namespace drs::cli
