#include "pipeline/generation.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <utility>

#include "audio/postprocess.h"
#include "core/cancellation.h"
#include "core/cpu_memory.h"
#include "drs/lyrics.h"
#include "drs/model_store.h"
#include "pipeline/edit_conditioning.h"
#include "pipeline/listen_in_preview.h"
#include "pipeline/negative_style.h"
#include "pipeline/run_journal.h"
#include "sampler/cfm_sampler.h"

namespace drs {
namespace {

using Clock = std::chrono::steady_clock;

// Interrupted runs kept at most (each holds a song's latents); older ones are pruned
// when a new run starts.
constexpr std::size_t kJournalsKept = 8;

class Reporter {
 public:
  Reporter(const ProgressSink& sink, Clock::time_point started) : sink_(sink), started_(started) {}
  void operator()(Progress p) const {
    if (!sink_) return;
    p.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    sink_(p);
  }

 private:
  const ProgressSink& sink_;
  Clock::time_point started_;
};

Progress event(Stage stage, int step = 0, int steps = 0, std::string message = {}) {
  Progress p;
  p.stage = stage;
  p.step = step;
  p.steps = steps;
  p.message = std::move(message);
  return p;
}

// Collects the finished stretches of one take's decode into AudioChunks; the chunk's
// progress event carries them.
class AudioCollector {
 public:
  AudioCollector(int take, int64_t total_frames) : take_(take), total_frames_(total_frames) {}
  void finished(int64_t begin, const at::Tensor& audio) {  // audio [1, C, n]
    auto piece = audio.squeeze(0).t().to(at::kCPU, at::kFloat).contiguous();
    peak_ = std::max(peak_, piece.abs().max().item<float>());
    auto chunk = std::make_shared<AudioChunk>();
    chunk->take = take_;
    chunk->first_frame = begin;
    chunk->total_frames = total_frames_;
    chunk->channels = static_cast<int>(audio.size(1));
    const auto* data = piece.data_ptr<float>();
    chunk->samples.assign(data, data + piece.numel());
    chunk->peak = peak_;
    pending_ = std::move(chunk);
  }
  std::shared_ptr<const AudioChunk> take_pending() { return std::exchange(pending_, nullptr); }

 private:
  int take_;
  int64_t total_frames_;
  float peak_ = 0;
  std::shared_ptr<AudioChunk> pending_;
};

void validate(const GenerationRequest& request, const ModelInfo& info) {
  if (!(request.seconds >= info.min_seconds - 1e-9 && request.seconds <= info.max_seconds + 1e-9))
    throw Error(ErrorKind::BadInput,
                "song length " + std::to_string(request.seconds) + " s is outside " +
                    std::to_string(static_cast<int>(info.min_seconds)) + "-" +
                    std::to_string(static_cast<int>(info.max_seconds)) + " s for " + info.name);
  if (request.sampling.grid_points < 2 || request.sampling.grid_points > 1000)
    throw Error(ErrorKind::BadInput, "steps must be between 1 and 999");
  if (!std::isfinite(request.sampling.cfg_strength) || request.sampling.cfg_strength < 0)
    throw Error(ErrorKind::BadInput, "guidance strength must be a non-negative number");
  if (std::isnan(request.sampling.guidance_until))
    throw Error(ErrorKind::BadInput, "the guidance end time must be a number (1 = every step)");
  if (request.takes < 1 || request.takes > 16)
    throw Error(ErrorKind::BadInput, "takes must be between 1 and 16");
  if (request.style_embedding && request.style_embedding->size() != 512)
    throw Error(ErrorKind::BadInput, "a style embedding must have 512 values");
  if (request.style_audio && !request.style.empty())
    throw Error(ErrorKind::BadInput,
                "give either a style prompt or a reference song as the style, not both");
}

LyricsAnalysis lyrics_stage(const GenerationRequest& request, const ModelInfo& info,
                            GenerationResult& result) {
  LyricsOptions options;  // Chinese lines need the store's chinese-lyrics component
  if (auto chinese = chinese_lyrics_dir()) options.chinese_data_dir = *chinese;
  auto lyrics = analyze_lyrics(request.lyrics, info.max_frames, request.seconds, options);
  for (const auto& issue : lyrics.issues) {
    const auto where =
        "line " + std::to_string(issue.line) +
        (issue.column > 0 ? ", column " + std::to_string(issue.column) : std::string()) + ": ";
    if (issue.severity == Severity::Error)
      throw Error(ErrorKind::BadInput, "lyrics " + where + issue.message);
    if (issue.severity == Severity::Warning)
      result.warnings.push_back("lyrics " + where + issue.message);
  }
  return lyrics;
}

at::Tensor style_stage(LoadedModels& models, const GenerationRequest& request,
                       GenerationResult& result) {
  std::vector<float> values;
  if (request.style_embedding) {
    values = *request.style_embedding;
  } else if (request.style_audio) {
    values = models.reference_style_embedding(*request.style_audio);
  } else {
    std::string warning;
    values = models.style_embedding(request.style, &warning);
    if (!warning.empty()) result.warnings.push_back(warning);
  }
  return at::tensor(values, at::kFloat).reshape({1, 512});
}

std::uint64_t first_seed(const GenerationRequest& request) {
  if (request.seed) return *request.seed;
  std::random_device device;
  return ((std::uint64_t{device()} << 32) | device()) >> 1;  // positive in a signed int64 too
}

// Noise is drawn on the CPU from a generator seeded per take (seed + k), so a seed
// reproduces a take on any device and every take of a batch differs.
at::Tensor initial_noise(std::uint64_t seed, int takes, int64_t frames) {
  std::vector<at::Tensor> noise;
  for (int k = 0; k < takes; ++k) {
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed + static_cast<std::uint64_t>(k));
    noise.push_back(at::randn({1, frames, 64}, generator, at::kFloat));
  }
  return at::cat(noise, 0);
}

// Edit/continue only: the reference read and checked before anything costly runs.
std::optional<EditReference> edit_reference(const GenerationRequest& request,
                                            const ModelInfo& info) {
  if (!request.edit) return std::nullopt;
  return read_edit_reference(*request.edit, end_frame_for(info.max_frames, request.seconds));
}

// Edit/continue only: the reference through the VAE encoder (progress per chunk).
template <typename Report>
std::optional<EditConditioning> edit_stage(std::optional<EditReference> reference, const Vae& vae,
                                           const Report& report, const std::stop_token& stop) {
  if (!reference) return std::nullopt;
  const auto encoding = [&](int chunk, int chunks) {
    Progress p;
    p.stage = Stage::Encoding;
    p.step = chunk;
    p.steps = chunks;
    report(p);
  };
  encoding(0, 0);
  return encode_edit_reference(std::move(*reference), vae, encoding, stop);
}

// Sampling (from the journalled step when resuming) and decoding, shared by new and
// resumed runs. The journal is rewritten after every step and removed once the takes
// exist; a cancel or failure leaves it for the caller to keep or discard.
GenerationResult sample_and_decode(LoadedModels& models, const SampleInputs& inputs,
                                   const SamplingSettings& sampling, std::uint64_t seed, int takes,
                                   RunJournalWriter* journal, ListenIn* listen_in,
                                   const Reporter& report, const std::stop_token& stop,
                                   GenerationResult result, Clock::time_point started) {
  const auto& dit = models.dit();
  const auto& vae = models.vae();
  const int steps = sampling.steps();
  SamplerProgress sampler_progress;
  sampler_progress.on_block = [&](int step, int total, int block, int blocks) {
    auto p = event(Stage::Sampling, step, total);
    p.within_step = static_cast<double>(block) / blocks;
    report(p);
  };
  sampler_progress.on_step = [&](int step, int total, double seconds) {
    auto p = event(Stage::Sampling, step, total);
    p.step_seconds = seconds;
    report(p);
  };
  if (journal)
    sampler_progress.on_state = [&](int step, const at::Tensor& state) {
      journal->record(step, state);
    };
  if (listen_in) {
    sampler_progress.wants_estimate = [listen_in] { return listen_in->pending(); };
    sampler_progress.on_estimate = [&](int step, const at::Tensor& estimate) {
      const auto window = detail::ListenInAccess::take(*listen_in);
      if (!window) return;
      auto p = event(Stage::Sampling, step, steps, "listen-in preview");
      p.preview = std::make_shared<const PreviewAudio>(
          decode_preview(vae, estimate, *window, step, steps, stop));
      report(p);
    };
  }
  report(event(Stage::Sampling, inputs.first_step, steps));
  const auto sampling_started = Clock::now();
  const auto latents = sample(dit, inputs, sampling, sampler_progress, stop);
  const int sampled = steps - inputs.first_step;
  if (sampled > 0)
    result.seconds_per_step =
        std::chrono::duration<double>(Clock::now() - sampling_started).count() / sampled;
  if (journal && !journal->warning().empty()) result.warnings.push_back(journal->warning());
  // The sampler's freed workspace (~1 GB at the real size) would otherwise stay in the
  // heap next to the VAE's differently sized buffers: measured 6.66 -> see README.
  release_free_memory();

  for (int k = 0; k < takes; ++k) {
    const auto latent = latents.narrow(0, k, 1).to(at::kFloat).transpose(1, 2);  // [1,64,N]
    auto started_take = event(Stage::Decoding);
    started_take.take = k;
    report(started_take);
    AudioCollector collector(k, latent.size(2) * vae.shape().hop);
    const auto audio = vae.decode_chunked(
        latent, ChunkParams{},
        [&](int chunk, int chunks) {
          auto p = event(Stage::Decoding, chunk, chunks);
          p.take = k;
          p.audio = collector.take_pending();
          report(p);
        },
        stop, [&](int64_t begin, const at::Tensor& done) { collector.finished(begin, done); });
    Take take;
    take.audio = postprocess_official(audio);
    take.seed = seed + static_cast<std::uint64_t>(k);
    const auto final_latent = latents.narrow(0, k, 1).to(at::kCPU, at::kFloat).contiguous();
    take.latent.assign(final_latent.data_ptr<float>(),
                       final_latent.data_ptr<float>() + final_latent.numel());
    result.takes.push_back(std::move(take));
  }
  if (journal) discard_run_journal(journal->file());
  result.outcome = Outcome::Succeeded;
  result.seconds_total = std::chrono::duration<double>(Clock::now() - started).count();
  report(event(Stage::Done, 1, 1));
  return result;
}

}  // namespace

GenerationResult run_generation(LoadedModels& models, const ModelInfo& info,
                                const GenerationRequest& request, const ProgressSink& progress,
                                const std::stop_token& stop, Clock::time_point started,
                                const std::optional<RunJournaling>& journaling,
                                std::filesystem::path* journal_out) {
  c10::InferenceMode inference;
  const Reporter report(progress, started);
  GenerationResult result;
  validate(request, info);
  auto reference = edit_reference(request, info);

  report(event(Stage::LoadingModels, 0, 0,
               models.needs_loading() ? "loading networks" : "models ready"));
  (void)models.dit();  // loaded before the cheap stages: a bad file fails at once
  const auto& vae = models.vae();
  for (const auto& warning : models.load_warnings()) result.warnings.push_back(warning);
  throw_if_cancelled(stop);

  report(event(Stage::Lyrics));
  const auto lyrics = lyrics_stage(request, info, result);
  throw_if_cancelled(stop);

  report(event(Stage::Style));
  const auto options = models.options();
  const auto style = style_stage(models, request, result).to(options);
  release_free_memory();  // a released text encoder's 1.3 GB (real size) goes back too
  throw_if_cancelled(stop);

  const int64_t frames = lyrics.end_frame;
  const auto seed = first_seed(request);
  const auto edit = edit_stage(std::move(reference), vae, report, stop);
  throw_if_cancelled(stop);
  SampleInputs inputs;
  inputs.cond = edit ? reference_latents(edit->posterior, seed, request.takes, frames).to(options)
                     : at::zeros({1, frames, 64}, options);
  inputs.text =
      at::tensor(lyrics.frame_tokens, at::kLong).reshape({1, frames}).to(options.device());
  inputs.style = style;
  inputs.negative_style =
      at::tensor(negative_style_embedding(), at::kFloat).reshape({1, 512}).to(options);
  inputs.start_time = at::zeros({1}, options);
  inputs.song_duration = at::full({1}, static_cast<double>(lyrics.song_duration), options);
  inputs.segments = edit ? edit->ranges : std::vector<FrameRange>{{0, frames}};
  inputs.y0 = initial_noise(seed, request.takes, frames).to(options);

  std::optional<RunJournalWriter> journal;
  if (journaling) {
    prune_run_journals(journaling->dir, kJournalsKept - 1);
    auto header = new_journal_header(journaling->identity, request, seed, inputs);
    auto file = journal_file_for(journaling->dir, header);
    journal.emplace(std::move(file), std::move(header), inputs);
    if (journal_out) *journal_out = journal->file();
  }
  return sample_and_decode(models, inputs, request.sampling, seed, request.takes,
                           journal ? &*journal : nullptr, request.listen_in.get(), report, stop,
                           std::move(result), started);
}

GenerationResult resume_generation(LoadedModels& models, const ModelInfo& info,
                                   const std::filesystem::path& file, const RunIdentity& identity,
                                   const ProgressSink& progress, const std::stop_token& stop,
                                   Clock::time_point started, std::filesystem::path* journal_out,
                                   ListenIn* listen_in) {
  c10::InferenceMode inference;
  const Reporter report(progress, started);
  GenerationResult result;
  std::string warning;
  auto run = read_run_for_resume(file, identity, &warning);
  if (!warning.empty()) result.warnings.push_back(warning);
  validate(run.journal.request, info);
  if (journal_out) *journal_out = file;
  report(event(Stage::LoadingModels, 0, 0,
               models.needs_loading() ? "loading networks" : "models ready"));
  (void)models.dit();
  (void)models.vae();
  for (const auto& w : models.load_warnings()) result.warnings.push_back(w);
  throw_if_cancelled(stop);
  const auto options = models.options();
  auto& inputs = run.inputs;
  for (auto* t : {&inputs.cond, &inputs.style, &inputs.negative_style, &inputs.start_time,
                  &inputs.song_duration, &inputs.y0})
    *t = t->to(options);
  inputs.text = inputs.text.to(options.device());
  RunJournalWriter journal(file, run.header, inputs);
  const auto& request = run.journal.request;
  return sample_and_decode(models, inputs, request.sampling, *request.seed, request.takes, &journal,
                           listen_in, report, stop, std::move(result), started);
}

}  // namespace drs
