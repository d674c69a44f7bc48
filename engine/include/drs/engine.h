// DiffRhythm Studio engine: lyrics and a style in, songs out. Pure C++20 with LibTorch
// behind a PIMPL; no Torch or Qt type appears in this header.
//
// This is the only engine header the app, the CLI and the UI need for generation (plus
// drs/lyrics.h for the editor's live diagnostics and drs/audio_file.h to write takes).
//
// Usage:
//
//     #include <iostream>
//     #include <thread>
//
//     #include "drs/audio_file.h"
//     #include "drs/engine.h"
//     #include "drs/model_set.h"
//
//     // 1. Load a model set: the constructor only checks the folder; the networks are
//     //    read on the first generate() and stay loaded for the next ones.
//     drs::EngineOptions options;
//     options.model_dir = drs::default_model_dir().value_or(drs::demo_model_dir());
//     drs::Engine engine(options);  // throws drs::Error (ModelMissing, ModelCorrupt, ...)
//
//     // 2. Describe the song.
//     drs::GenerationRequest request;
//     request.lyrics = "[00:10.00]Hello\n[00:14.50]world\n";
//     request.style = "calm piano ballad";
//     request.seconds = engine.info().min_seconds;
//     request.sampling = drs::find_preset("balanced")->sampling;
//     request.seed = 42;  // none: random; the seed used is in each Take
//
//     // 3. Run it with a progress sink and a stop token. Here on a std::jthread, whose
//     //    stop_source cancels it (e.g. from a Cancel button on another thread).
//     drs::GenerationResult result;
//     std::jthread worker([&](std::stop_token stop) {
//       const auto progress = [](const drs::Progress& p) {
//         std::cerr << drs::to_string(p.stage) << ' ' << p.step << '/' << p.steps << '\n';
//       };
//       result = engine.generate(request, progress, stop);
//     });
//     worker.join();  // worker.request_stop() instead would end it with Outcome::Cancelled
//
//     // 4. Write the audio.
//     if (result.outcome != drs::Outcome::Succeeded) {
//       std::cerr << result.error << '\n';
//       return 1;
//     }
//     const drs::Take& take = result.takes.front();
//     drs::write_audio_file("song.flac", take.audio, take.channels, take.sample_rate,
//                           drs::AudioFormat::Flac16);
//
// Thread safety:
// - An Engine runs one generate() or resume() at a time. Call them, info() and the
//   destructor from one thread at a time (typically a worker thread that owns the
//   Engine); info() changes while a run loads models, so read it between runs.
// - The ProgressSink is called on the thread that called generate()/resume(), before
//   that call returns; a GUI forwards each Progress to its own thread (Progress is a
//   value type and cheap to copy).
// - std::stop_source::request_stop() and ListenIn::request()/cancel()
//   (drs/listen_in.h) may be called from any thread while a run is in progress.
// - Separate Engine objects are independent, but they share LibTorch's process-wide
//   intra-op thread pool: EngineOptions::threads sets it for the whole process, so runs
//   on two Engines at once compete for the same cores.
// - drs::analyze_lyrics (drs/lyrics.h) may be called from any thread, also while a run
//   is in progress (the editor checks lyrics as the user types). Process-wide calls say
//   where they belong in their own headers (tune_process: first thing in main();
//   set_compute_priority: on the engine's thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "drs/error.h"
#include "drs/listen_in.h"
#include "drs/presets.h"
#include "drs/progress.h"
#include "drs/song_edit.h"

namespace drs {

enum class Device { Cpu, Cuda };
// Int8: the transformer blocks' matrices quantised to int8 (dynamic activation
// quantisation, oneDNN), float32 elsewhere; a CPU-only cost cutter with a measurable
// deviation, never chosen by Auto. On a CPU with native bfloat16 (AVX512-BF16, AMX) the
// cost cutters BFloat16 and Int8 also decode in bfloat16 (ModelInfo::precision says so).
enum class Precision { Auto, Float32, BFloat16, Float16, Int8 };

struct EngineOptions {
  std::filesystem::path model_dir;  // a model set folder (manifest.json inside)
  Device device = Device::Cpu;
  Precision precision = Precision::Auto;  // Auto: float32 on CPU, bf16/fp16 on CUDA
  int threads = 0;                        // intra-op threads; 0 = all cores
  // Free the text encoder after each use, so that sampling and decoding have its memory;
  // a new prompt reloads it, a cached one needs no encoder at all (README, "Memory").
  bool release_style_encoder = true;
  // Keep the DiT's float16 matrices (the official file's dtype) in float16 when
  // computing in float32 on a CPU, widening one block's at a time: identical results,
  // half the DiT's weight memory, a small cost in speed (README, "Memory").
  bool compact_weights = true;
  // Where the style embeddings of prompts already encoded are kept, so that after a
  // restart a repeated prompt needs no text encoder at all. Empty: default_cache_dir().
  // Not the model set's folder, which an installed or shared model store may keep
  // read-only. A folder that cannot be created or written leaves the cache in memory.
  std::filesystem::path cache_dir{};
  // Journal every run after each sampler step in <cache_dir>/runs, so that a crash or a
  // closed window costs at most one step (drs/run_journal.h, Engine::resume).
  bool journal_runs = true;
};

// $XDG_CACHE_HOME/diffrhythm-studio, else ~/.cache/diffrhythm-studio (entries there are
// small, derived and safe to delete).
std::filesystem::path default_cache_dir();

// What the loaded model set is, for status lines and for enabling controls.
struct ModelInfo {
  std::string name;       // e.g. "Demo model", "DiffRhythm 1.2 base"
  bool is_demo = false;   // demo sets produce noise, never music
  int max_frames = 2048;  // 2048 = base (95 s), 6144 = full (96-285 s)
  double min_seconds = 95;
  double max_seconds = 95;
  std::string device;     // "cpu" / "cuda:0"
  std::string precision;  // "float32" / "bfloat16" / ...
  int model_loads = 0;    // times the networks were read from disk (models stay loaded)

  int style_encoder_loads = 0;  // of those, the text encoder (a cached prompt needs none)
  std::string style_cache{};    // folder of the on-disk prompt cache; empty: memory only
  // How the VAE runs: "native Oobleck" (", BFloat16" when it decodes in bfloat16) or
  // "TorchScript" (its file's graph, for VAEs the native port does not recognise); empty
  // until the VAE is loaded.
  std::string vae_backend{};
};

// Which 10 s of a reference song give the style.
struct ReferenceStyle {
  std::filesystem::path file;
  // Clip start in seconds; none: the official rule (5 s before the middle, the middle
  // rounded down to whole seconds).
  std::optional<double> clip_start{};
};

struct GenerationRequest {
  std::string lyrics;                                 // LRC text ([mm:ss.xx] lines); may be empty
  std::string style;                                  // style prompt text
  std::optional<std::vector<float>> style_embedding;  // 512 values; overrides `style`
  // A reference song as the style (MuQ-MuLan's audio tower) instead of `style`, which
  // must then be empty: WAV/FLAC/Ogg (MP3 where libsndfile reads it), at least 10 s.
  std::optional<ReferenceStyle> style_audio{};
  double seconds = 95;                // song length; base models always give 95 s
  SamplingSettings sampling;          // usually taken from a Preset
  std::optional<std::uint64_t> seed;  // none = random; the seed used is reported
  int takes = 1;                      // batch_infer_num: every take is kept
  // Edit or continue a reference song instead of generating from noise everywhere; the
  // lyrics still describe the whole song (absolute LRC times).
  std::optional<SongEdit> edit{};
  // Where the caller asks for previews while the run samples (drs/listen_in.h); not part
  // of what the run computes, so journals and manifests leave it out.
  std::shared_ptr<ListenIn> listen_in{};
};

struct Take {
  std::vector<float> audio;  // interleaved stereo, 44.1 kHz, peak-normalised to +-1
  int channels = 2;
  int sample_rate = 44100;
  std::uint64_t seed = 0;  // reproduces this take with the same request
  // The final latent, [frames x 64] row-major, float32: outside an edit's spans it is
  // the reference's own latent, exactly.
  std::vector<float> latent{};
  [[nodiscard]] std::size_t frames() const {
    return audio.size() / static_cast<std::size_t>(channels);
  }
};

enum class Outcome { Succeeded, Cancelled, Failed };

struct GenerationResult {
  Outcome outcome = Outcome::Failed;
  ErrorKind error_kind = ErrorKind::Internal;  // meaningful when Failed
  std::string error;                           // human-readable, when Failed
  std::vector<Take> takes;
  std::vector<std::string> warnings;  // e.g. lyric lines dropped, prompt truncated
  double seconds_total = 0;
  double seconds_per_step = 0;  // mean sampler step wall time (for the ETA model)
  // A cancelled or failed run's journal, when one was written: Engine::resume continues
  // it, discard_run_journal() drops it. Empty after success (the journal is deleted).
  std::filesystem::path journal{};
};

class Engine {
 public:
  // Loads lazily: the constructor only validates the model folder. Throws drs::Error.
  explicit Engine(EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  [[nodiscard]] const ModelInfo& info() const;

  // Runs the whole pipeline. Never throws for user-caused failures: they come back as
  // Outcome::Failed with a message. Models stay loaded for the next call.
  GenerationResult generate(const GenerationRequest& request, const ProgressSink& progress,
                            std::stop_token stop = {});

  // Continues an interrupted run from its journal (drs/run_journal.h): same takes, bit
  // for bit, as the run would have given uninterrupted. A journal of another model set,
  // changed model files, another precision or app version fails with a reason naming
  // the mismatch (Outcome::Failed, ErrorKind::BadInput) and is left untouched.
  // `listen_in`: as GenerationRequest::listen_in.
  GenerationResult resume(const std::filesystem::path& journal, const ProgressSink& progress,
                          std::stop_token stop = {}, std::shared_ptr<ListenIn> listen_in = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drs
