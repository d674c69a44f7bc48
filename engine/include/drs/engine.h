// The public engine API: one request in, one or more takes out, with progress and
// cancellation. This is the only engine header the app, CLI and UI include for
// generation (plus lyrics.h for the editor's live diagnostics).
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
// deviation, never chosen by Auto.
enum class Precision { Auto, Float32, BFloat16, Float16, Int8 };

struct EngineOptions {
  std::filesystem::path model_dir;  // a model set folder (manifest.json inside)
  Device device = Device::Cpu;
  Precision precision = Precision::Auto;  // Auto: float32 on CPU, bf16/fp16 on CUDA
  int threads = 0;                        // intra-op threads; 0 = all cores
  // Free the text encoder after each use: 1.3 GB at the real size that sampling needs
  // more; a new prompt reloads it in ~2 s, a cached one needs no encoder at all.
  bool release_style_encoder = true;
  // Keep the DiT's float16 matrices (the official file's dtype) in float16 when
  // computing in float32 on a CPU, widening one block's at a time: identical results,
  // half the weight memory (2.2 instead of 4.4 GB), < 1 % slower at 2048 frames.
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
  // How the VAE runs: "native Oobleck" or "TorchScript" (its file's graph, for VAEs the
  // native port does not recognise); empty until the VAE is loaded.
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

struct LyricsIssue;  // lyrics.h

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
