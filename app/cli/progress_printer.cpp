#include "progress_printer.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

namespace drs::cli {
namespace {

// Share of the whole run each stage takes on a CPU (sampling dominates).
constexpr double kSamplingBegin = 0.05, kSamplingEnd = 0.90, kDecodingEnd = 0.99;

std::string clock_text(double seconds) {
  if (seconds < 0) return "?";
  const auto s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  else if (s >= 60)
    std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
  else
    std::snprintf(buffer, sizeof buffer, "%lds", s);
  return buffer;
}

}  // namespace

double ProgressPrinter::overall_fraction(const Progress& p, int takes) {
  const auto stage_fraction = [&] {
    if (p.steps <= 0) return 0.0;
    return std::clamp((p.step + p.within_step) / p.steps, 0.0, 1.0);
  };
  switch (p.stage) {
    case Stage::LoadingModels:
    case Stage::Lyrics:
    case Stage::Style:
    case Stage::Encoding: return 0.0;
    case Stage::Sampling:
      return kSamplingBegin + (kSamplingEnd - kSamplingBegin) * stage_fraction();
    case Stage::Decoding:
      return kSamplingEnd +
             (kDecodingEnd - kSamplingEnd) * (p.take + stage_fraction()) / std::max(1, takes);
    case Stage::Writing: return kDecodingEnd;
    case Stage::Done: return 1.0;
  }
  return 0.0;
}

void ProgressPrinter::operator()(const Progress& p) {
  // Human output: intra-step events (after each transformer block) at most once a second.
  const bool intra_step = p.stage == Stage::Sampling && p.within_step > 0;
  if (!json_ && intra_step && p.elapsed_seconds - last_printed_ < 1.0) return;
  last_printed_ = p.elapsed_seconds;
  if (p.stage == Stage::Sampling && sampling_started_ < 0) sampling_started_ = p.elapsed_seconds;
  if (p.stage == Stage::Decoding && decoding_started_ < 0) decoding_started_ = p.elapsed_seconds;
  const double fraction = overall_fraction(p, takes_);
  // ETA from the pace of sampling so far, projected over sampling + decoding.
  double eta = -1;
  if (p.stage == Stage::Sampling && p.step > 0 && p.steps > 0) {
    const double per_step = (p.elapsed_seconds - sampling_started_) / (p.step + p.within_step);
    eta = per_step * (p.steps - p.step - p.within_step) *
          (1.0 + (kDecodingEnd - kSamplingEnd) / (kSamplingEnd - kSamplingBegin));
  } else if (p.stage == Stage::Decoding && p.step > 0 && p.steps > 0) {
    // From the pace of the chunks decoded so far (a real VAE takes minutes on a CPU):
    // the rest of this take, then the takes still to decode.
    const double chunks_done = p.take * p.steps + p.step;
    const double per_chunk = (p.elapsed_seconds - decoding_started_) / chunks_done;
    eta = per_chunk * (static_cast<double>(takes_) * p.steps - chunks_done);
  } else if (p.stage == Stage::Done) {
    eta = 0;
  }
  if (json_) {
    nlohmann::json line{
        {"stage", to_string(p.stage)},  {"step", p.step}, {"steps", p.steps},
        {"within_step", p.within_step}, {"take", p.take}, {"percent", 100 * fraction},
        {"elapsed", p.elapsed_seconds}, {"eta", eta},     {"step_seconds", p.step_seconds}};
    if (!p.message.empty()) line["message"] = p.message;
    std::fprintf(out_, "%s\n", line.dump().c_str());
  } else {
    std::string detail;
    if (p.stage == Stage::Sampling && p.steps > 0)
      detail = " step " + std::to_string(p.step) + "/" + std::to_string(p.steps);
    else if (p.stage == Stage::Decoding && p.steps > 0)
      detail = " chunk " + std::to_string(p.step) + "/" + std::to_string(p.steps) +
               (takes_ > 1 ? " (take " + std::to_string(p.take + 1) + ")" : "");
    else if (p.stage == Stage::Encoding && p.steps > 0)
      detail = " chunk " + std::to_string(p.step) + "/" + std::to_string(p.steps);
    if (!p.message.empty()) detail += " (" + p.message + ")";
    std::fprintf(out_, "[%8.1fs] %-14s%s  %5.1f%%  ETA %s\n", p.elapsed_seconds, to_string(p.stage),
                 detail.c_str(), 100 * fraction, clock_text(eta).c_str());
  }
  std::fflush(out_);
}

}  // namespace drs::cli
