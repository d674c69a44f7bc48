// The song files of one CLI run. Each take is streamed to a temporary file in the
// output folder while the VAE decodes it (drs::StreamingAudioFile); when the run
// succeeds the finished take replaces it under its name, otherwise it is removed, or,
// with --keep-partial, the decoded prefix of a cancelled run is kept as
// FILE.partial.EXT. Every finished take gets its replay manifest next to it (TAKE.json,
// drs/take_manifest.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "drs/audio_file.h"
#include "drs/audio_stream_file.h"
#include "drs/engine.h"
#include "drs/progress.h"
#include "drs/take_manifest.h"

namespace drs::cli {

// Output paths for K takes: FILE.wav, or FILE-1.wav, FILE-2.wav ...
std::filesystem::path take_path(const std::filesystem::path& out, int take, int takes);

// Where a take's decoded prefix is kept: FILE.partial.wav for FILE.wav.
std::filesystem::path partial_path(const std::filesystem::path& take);

struct KeptPartial {
  std::filesystem::path path;
  double seconds = 0;        // decoded and kept
  double total_seconds = 0;  // the finished take's length
};

class TakeFiles {
 public:
  TakeFiles(std::filesystem::path out, int takes, AudioFormat format, std::stop_source& stop);

  // For every progress event, on the engine's thread: decoded audio goes to its take's
  // file. Never throws: a failed write is kept in error() and stops the run.
  void on_progress(const Progress& p) noexcept;
  [[nodiscard]] const std::string& error() const { return error_; }

  // What the takes committed from now on were made from and by, for their manifests.
  void describe_run(GenerationRequest request, TakeOrigin origin);
  // Writes take `k` of a finished run under its name, then its replay manifest; returns
  // the audio file's path.
  std::filesystem::path commit(const GenerationResult& result, int k);
  // Keeps what was decoded of each take so far; returns the files kept.
  std::vector<KeptPartial> keep_partial();

 private:
  struct Stream {
    std::unique_ptr<StreamingAudioFile> file;
    float gain = 0;  // drs::listening_gain of the chunks so far
    std::int64_t total_frames = 0;
    int sample_rate = 44100;
  };
  void append(const AudioChunk& chunk);

  std::filesystem::path out_;
  int takes_;
  AudioFormat format_;
  std::stop_source& stop_;
  std::optional<std::pair<GenerationRequest, TakeOrigin>> run_;
  std::vector<Stream> streams_;
  std::string error_;
};

// Reports a cancelled run (kept partial files, or that nothing was written); returns the
// exit code.
int report_cancelled(TakeFiles& files, bool keep_partial);

}  // namespace drs::cli
