// `diffrhythm-cli generate --manifest TAKE.json`: replaying a take from its replay
// manifest (drs/take_manifest.h) and saying whether the audio came out identical.
#pragma once

#include <filesystem>
#include <string>

#include "cli_options.h"
#include "drs/audio_file.h"
#include "drs/engine.h"
#include "drs/take_manifest.h"

namespace drs::cli {

struct Replay {
  std::filesystem::path manifest_file;
  TakeManifest manifest;
  std::filesystem::path out;  // --out, else TAKE.replay.EXT next to the manifest
  AudioFormat format = AudioFormat::Wav16;
  Precision precision = Precision::Auto;  // the take's unless --precision says otherwise
  int threads = 0;                        // the take's unless --threads says otherwise
};

// Reads the manifest named by --manifest. Throws drs::Error(BadInput) naming the file and
// what is wrong with it.
Replay read_replay(const Options& opt);

// Compares the replayed file with the take the manifest records; prints the verdict.
void report_replay(const Replay& replay, const std::filesystem::path& written);

}  // namespace drs::cli
