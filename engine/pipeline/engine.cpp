// drs::Engine: the whole pipeline (lyrics -> style -> sampling -> decoding) with
// models loaded lazily and kept between runs. Every failure becomes an Outcome.
#include "drs/engine.h"

#include <ATen/ATen.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>

#include "core/cpu_memory.h"
#include "core/int8_linear.h"
#include "core/threads.h"
#include "core/torch_compat.h"
#include "dit/stored_weight.h"
#include "drs/cpu_features.h"
#include "drs/lyrics.h"
#include "drs/machine_speed.h"
#include "drs/model_set.h"
#include "onnx/chinese_lyrics_runner.h"
#include "pipeline/compute_dtypes.h"
#include "pipeline/generation.h"
#include "pipeline/loaded_models.h"
#include "pipeline/run_journal.h"

namespace drs {

struct Engine::Impl {
  EngineOptions options;
  ModelSet set;
  ModelInfo info;
  LoadedModels models;
};

namespace {

at::Device device_for(Device device) {
  if (device == Device::Cpu) return at::kCPU;
  if (!compat::cuda_available())
    throw Error(ErrorKind::BadInput,
                "CUDA was requested but no CUDA device is available to this build");
  return at::Device(at::kCUDA, 0);
}

WeightResidency residency_for(const EngineOptions& options) {
  if (options.precision == Precision::Int8) return WeightResidency::Int8;
  return options.compact_weights ? WeightResidency::Compact : WeightResidency::Compute;
}

ModelInfo describe(const ModelSet& set, const at::Device& device, at::ScalarType dtype,
                   Precision precision, at::ScalarType vae_dtype) {
  ModelInfo info;
  info.name = set.name;
  info.is_demo = set.is_demo;
  info.max_frames = set.max_frames;
  info.min_seconds = set.max_frames == 2048 ? 95 : 96;
  info.max_seconds = set.max_frames == 2048 ? 95 : 285;
  info.device = device.str();
  // Part of a take's identity (replay compares it): it names every reduced-precision part.
  if (precision == Precision::Int8)
    info.precision = vae_dtype == at::kFloat ? "int8 (dynamic, float32 activations)"
                                             : "int8 (dynamic, float32 activations, BFloat16 VAE)";
  else
    info.precision = c10::toString(dtype);
  return info;
}

// Style embeddings go in a subfolder: the cache folder is the app's, not only ours.
std::filesystem::path style_cache_dir(const EngineOptions& options) {
  return (options.cache_dir.empty() ? default_cache_dir() : options.cache_dir) / "style-embeddings";
}

void refresh_load_counts(ModelInfo& info, const LoadedModels& models) {
  info.model_loads = models.load_count();
  info.style_encoder_loads = models.style_encoder_load_count();
  info.vae_backend = models.vae_backend();
}

GenerationResult failure(ErrorKind kind, std::string message) {
  GenerationResult result;
  result.outcome = kind == ErrorKind::Cancelled ? Outcome::Cancelled : Outcome::Failed;
  result.error_kind = kind;
  result.error = std::move(message);
  return result;
}

bool looks_like_oom(const std::string& message) {
  return message.find("out of memory") != std::string::npos ||
         message.find("can't allocate") != std::string::npos;
}

}  // namespace

std::filesystem::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "diffrhythm-studio";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "diffrhythm-studio";
  return std::filesystem::temp_directory_path() / "diffrhythm-studio";
}

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>()) {
  // Chinese lyrics run their polyphone model through LibTorch: the lyrics module is
  // Torch-free and is handed the runner here (also for the window's live analysis).
  onnx::install_chinese_polyphone_runner();
  impl_->options = std::move(options);
  impl_->set = read_model_set(impl_->options.model_dir);
  const auto device = device_for(impl_->options.device);
  const auto dtype = dit_dtype_for(impl_->options.precision, device);
  if (!device.is_cuda() && dtype == at::kHalf && !compat::kCpuFloat16)
    throw Error(ErrorKind::BadInput,
                "float16 on the CPU is not supported by this LibTorch build (it has no float16 "
                "CPU matmul); use float32 or bfloat16, or leave the precision on auto");
  if (impl_->options.precision == Precision::Int8) {
    if (device.is_cuda())
      throw Error(ErrorKind::BadInput, "int8 maths is a CPU option; use bf16 or fp16 on a GPU");
    Int8Linear::require_available();  // refuse now, not at the first generation's load
  }
  const auto vae_dtype = vae_dtype_for(impl_->options.precision, device, detect_cpu_features());
  impl_->info = describe(impl_->set, device, dtype, impl_->options.precision, vae_dtype);
  LoadSettings load;
  load.options = at::TensorOptions().device(device).dtype(dtype);
  load.release_style_encoder = impl_->options.release_style_encoder;
  load.dit_residency = residency_for(impl_->options);
  load.vae_dtype = vae_dtype;
  load.style_cache_dir = style_cache_dir(impl_->options);
  impl_->models = LoadedModels(impl_->set, load);
  if (const auto& folder = impl_->models.style_cache_folder())
    impl_->info.style_cache = folder->string();
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const ModelInfo& Engine::info() const {
  return impl_->info;
}

namespace {

// Every failure of a run becomes an Outcome; `run` does the work.
template <typename Run>
GenerationResult guarded(LoadedModels& models, ModelInfo& info,
                         const std::filesystem::path* journal, Run&& run) {
  keep_freed_memory_for_reuse();
  // Whatever the outcome, the run's workspace goes back to the system afterwards.
  struct ReleaseAfterRun {
    ~ReleaseAfterRun() { release_free_memory(); }
  } release;
  const auto failed = [&](ErrorKind kind, std::string message) {
    auto result = failure(kind, std::move(message));
    std::error_code ec;
    if (journal && !journal->empty() && std::filesystem::exists(*journal, ec))
      result.journal = *journal;
    return result;
  };
  try {
    auto result = run();
    refresh_load_counts(info, models);
    return result;
  } catch (const Error& e) {
    refresh_load_counts(info, models);
    return failed(e.kind(), e.what());
  } catch (const std::bad_alloc&) {
    return failed(ErrorKind::OutOfMemory,
                  "out of memory: try a shorter song, fewer takes or closing other programs");
  } catch (const c10::Error& e) {
    const std::string message = e.what_without_backtrace();
    return failed(looks_like_oom(message) ? ErrorKind::OutOfMemory : ErrorKind::Internal, message);
  } catch (const std::exception& e) {
    return failed(ErrorKind::Internal, e.what());
  }
}

std::filesystem::path cache_root(const EngineOptions& options) {
  return options.cache_dir.empty() ? default_cache_dir() : options.cache_dir;
}

// Journalling is best effort: a cache folder that cannot be made only costs resumability.
std::optional<RunJournaling> journaling_for(const EngineOptions& options, const ModelInfo& info) {
  if (!options.journal_runs) return std::nullopt;
  RunJournaling journaling{run_journal_dir(cache_root(options)),
                           identify_run(options.model_dir, info)};
  std::error_code ec;
  std::filesystem::create_directories(journaling.dir, ec);
  if (ec) return std::nullopt;
  return journaling;
}

}  // namespace

GenerationResult Engine::generate(const GenerationRequest& request, const ProgressSink& progress,
                                  std::stop_token stop) {
  const auto started = std::chrono::steady_clock::now();
  configure_threads(impl_->options.threads);
  std::filesystem::path journal;
  return guarded(impl_->models, impl_->info, &journal, [&] {
    const auto journaling = journaling_for(impl_->options, impl_->info);
    return run_generation(impl_->models, impl_->info, request, progress, stop, started, journaling,
                          &journal);
  });
}

GenerationResult Engine::resume(const std::filesystem::path& journal, const ProgressSink& progress,
                                std::stop_token stop, std::shared_ptr<ListenIn> listen_in) {
  const auto started = std::chrono::steady_clock::now();
  configure_threads(impl_->options.threads);
  std::filesystem::path kept;
  return guarded(impl_->models, impl_->info, &kept, [&] {
    const auto identity = identify_run(impl_->options.model_dir, impl_->info);
    // Only a journal that passed its checks is reported back as resumable.
    return resume_generation(impl_->models, impl_->info, journal, identity, progress, stop, started,
                             &kept, listen_in.get());
  });
}

}  // namespace drs
