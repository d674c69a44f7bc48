// Command line of diffrhythm-cli (headless, no Qt, no display needed).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "drs/audio_file.h"
#include "drs/engine.h"
#include "drs/song_edit.h"

namespace drs::cli {

enum class Command { Generate, Resume, Presets, Info, Models, Help };

struct Options {
  Command command = Command::Help;
  std::filesystem::path lyrics_file;  // empty: instrumental
  std::string style;
  // --ref-audio FILE [--ref-clip START]: a reference song as the style (not with --style).
  std::optional<ReferenceStyle> style_audio;
  double seconds = 95;
  bool seconds_given = false;
  SamplingSettings sampling;  // from --preset (default "best") or --steps/--cfg/--sway
  std::string preset = "best";
  std::optional<std::uint64_t> seed;
  int takes = 1;
  std::optional<std::filesystem::path> models;
  Device device = Device::Cpu;
  Precision precision = Precision::Auto;
  int threads = 0;
  std::filesystem::path out;
  std::optional<AudioFormat> format;
  // --edit-from FILE --edit SPANS, or --continue-from FILE: regenerate parts of a song.
  std::optional<SongEdit> edit;
  // generate --manifest TAKE.json: replay a take (its request and engine settings).
  std::optional<std::filesystem::path> manifest;
  // generate --batch FILE: one generation per JSON line of FILE (batch_command.h).
  std::optional<std::filesystem::path> batch;
  // generate --resume: continue the interrupted run of this same request if there is one.
  bool resume = false;
  std::string resume_run;  // resume RUN: a run id or journal file (empty: list them)
  // Cancelled while decoding: keep the decoded prefix as FILE.partial.EXT.
  bool keep_partial = false;
  bool json_progress = false;
  bool quiet = false;
  // models: the subcommand and its argument ("list", "where", "verify [SET]", "remove SET").
  std::string models_command;
  std::string models_argument;
  std::optional<std::filesystem::path> store;  // --store DIR (default: the model store)
  std::string import_set;                      // models import --set ID
  bool hf_cache = false;                       // models import --hf-cache [DIR]
};

// Exit codes (documented in --help).
enum ExitCode : int {
  kOk = 0,
  kInternalError = 1,
  kBadInput = 2,
  kCancelled = 3,
  kModelError = 4,
  kOutputError = 5,
};

// Throws drs::Error(BadInput) with a message naming the bad argument.
Options parse_options(int argc, char** argv);
const char* usage();

}  // namespace drs::cli
