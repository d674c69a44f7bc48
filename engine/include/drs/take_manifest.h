// The replay manifest of a take (TAKE.json next to TAKE.wav): everything needed to make
// the same audio again — the lyrics, the style (prompt, or the reference song's SHA-256
// and clip), every sampling setting, the seed, what made it (model set id, the set's
// file digests, precision, device, threads, app version) and the run's timings.
// Written by the CLI for every take; Qt-free so that the app's takes library can use
// it too. Replaying is generating from replay_request() on an engine that check_replay()
// accepts; the audio's recorded SHA-256 says whether the result is identical.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "drs/audio_file.h"
#include "drs/engine.h"

namespace drs {

// What an engine that makes takes is. The model set's identity is the run journal's
// (drs/run_journal.h): its id and a fingerprint of its files, plus the SHA-256 of every
// file the set's manifest.json records (installed sets record all of them).
struct TakeOrigin {
  std::string app_version;
  std::string model_id;
  std::string model_name;
  std::string model_fingerprint;  // file names, sizes and modification times
  std::vector<std::pair<std::string, std::string>> model_files;  // name, SHA-256
  std::string precision;                                         // ModelInfo::precision
  std::string device;
  int threads = 0;
  std::string blas_core;  // "OpenBLAS <core>"; "" for another BLAS or an older manifest
};

// The origin of takes made by an engine on `model_dir` whose info() is `info`, running
// `threads` intra-op threads (EngineOptions::threads: 0 = all cores).
TakeOrigin take_origin(const std::filesystem::path& model_dir, const ModelInfo& info, int threads);

struct TakeAudio {
  std::string file;  // the take's file name (in the manifest's folder)
  AudioFormat format = AudioFormat::Wav16;
  std::string sha256;  // of the whole file
  std::int64_t frames = 0;
  int channels = 2;
  int sample_rate = 44100;
};

struct TakeManifest {
  GenerationRequest request;       // as the run was asked for (takes: the batch's size)
  int take = 0;                    // index of this take in its batch
  std::uint64_t seed = 0;          // this take's seed (the batch's seed + take)
  std::string style_audio_sha256;  // of request.style_audio->file, when the style is a song
  std::string edit_sha256;         // of request.edit->reference, when the take edits a song
  TakeOrigin origin;
  TakeAudio audio;
  std::string created_utc;
  double seconds_total = 0;     // the whole run
  double seconds_per_step = 0;  // mean sampler step
};

// The manifest of take `k` of `result`, written to `audio_file` in `format`: hashes the
// audio file and the request's reference songs. Throws drs::Error(Output) when one of
// them cannot be read.
TakeManifest describe_take(const GenerationRequest& request, const GenerationResult& result, int k,
                           const TakeOrigin& origin, const std::filesystem::path& audio_file,
                           AudioFormat format);

// The manifest's path for a take's audio file: TAKE.json for TAKE.wav.
std::filesystem::path take_manifest_path(const std::filesystem::path& audio_file);

// Written atomically. Throws drs::Error(Output).
void write_take_manifest(const std::filesystem::path& path, const TakeManifest& manifest);

// Throws drs::Error(BadInput) naming the file and the line and column of a syntax
// error, or the field that is missing or of the wrong type.
TakeManifest read_take_manifest(const std::filesystem::path& path);

// Whether `manifest` can be replayed by an engine of origin `here`: throws
// drs::Error(BadInput) naming the mismatch when the app version, the model set or one of
// its recorded files, or the precision differ, or a reference song changed; returns
// warnings where the audio may legitimately differ (other threads, device or BLAS
// kernels, model files that may have changed, a take that came from a batch).
std::vector<std::string> check_replay(const TakeManifest& manifest, const TakeOrigin& here);

// The request that makes the manifest's take again: one take, its seed.
GenerationRequest replay_request(const TakeManifest& manifest);

}  // namespace drs
