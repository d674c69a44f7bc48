#include "vae/vae.h"

#include <caffe2/serialize/versions.h>
#include <torch/version.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/cancellation.h"
#include "drs/error.h"
#include "drs/progress.h"
#include "models/torchscript_archive.h"
#include "models/torchscript_preflight.h"
#include "vae/chunk_plan.h"
#include "vae/oobleck_config.h"
#include "vae/oobleck_vae.h"
#include "vae/torchscript_vae.h"

namespace drs {

struct Vae::Impl {
  std::unique_ptr<VaeNetwork> network;
  at::Device device;
};

namespace {

// Where each chunk's kept frames land in an output of `out_frames` frames: a final
// flush-with-the-end chunk is placed at the end of the output (its frame count can
// differ from the input's when the audio is not a whole number of frames).
std::vector<int64_t> placements(const std::vector<ChunkSpan>& spans, int64_t out_frames) {
  std::vector<int64_t> place;
  for (std::size_t i = 0; i < spans.size(); ++i)
    place.push_back((i + 1 == spans.size() && i > 0) ? out_frames - spans[i].length
                                                     : spans[i].start);
  return place;
}

// Frames before this index are final once chunk `i` is pasted: a later chunk (the flush
// chunk) may still overwrite the tail of an earlier one, as the official loop does.
int64_t final_until(const std::vector<ChunkSpan>& spans, const std::vector<int64_t>& place,
                    std::size_t i, int64_t out_frames) {
  if (i + 1 == spans.size()) return out_frames;
  int64_t until = place[i] + spans[i].keep_end;
  for (std::size_t j = i + 1; j < spans.size(); ++j)
    until = std::min(until, place[j] + spans[j].keep_begin);
  return until;
}

// Runs `process` on each chunk of `input` (cut along the last axis in units of
// `in_unit` elements) and pastes the kept frames into `output` (`out_unit` elements
// per frame along its last axis).
template <typename Process>
void chunked(const at::Tensor& input, at::Tensor& output, int64_t frames, int64_t in_unit,
             int64_t out_unit, const ChunkParams& params, const ChunkCallback& on_chunk,
             const std::stop_token& stop, const FinishedCallback& on_finished, Process&& process) {
  const auto spans = plan_chunks(frames, params.chunk, params.overlap);
  const int64_t out_frames = output.size(-1) / out_unit;
  const auto place = placements(spans, out_frames);
  int64_t finished = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    throw_if_cancelled(stop);
    const auto& span = spans[i];
    const auto piece = process(input.narrow(-1, span.start * in_unit, span.length * in_unit));
    const int64_t kept = span.keep_end - span.keep_begin;
    output.narrow(-1, (place[i] + span.keep_begin) * out_unit, kept * out_unit)
        .copy_(piece.narrow(-1, span.keep_begin * out_unit, kept * out_unit));
    const int64_t until = final_until(spans, place, i, out_frames) * out_unit;
    const int64_t end = i + 1 == spans.size() ? output.size(-1) : until;
    if (on_finished && end > finished)
      on_finished(finished, output.narrow(-1, finished, end - finished));
    finished = std::max(finished, end);
    if (on_chunk) on_chunk(static_cast<int>(i + 1), static_cast<int>(spans.size()));
  }
}

void check_rank3(const at::Tensor& t, int64_t channels, const char* what) {
  if (t.dim() != 3 || t.size(1) != channels)
    throw Error(ErrorKind::BadInput, std::string(what) + " must be [batch, " +
                                         std::to_string(channels) + ", time], got " +
                                         std::to_string(t.dim()) + "-d tensor");
}

at::TensorOptions float_on(const at::Device& device) {
  return at::TensorOptions().dtype(at::kFloat).device(device);
}

std::unique_ptr<VaeNetwork> native(WeightMap& weights, const at::TensorOptions& options) {
  return std::make_unique<OobleckVae>(weights, options);
}

// A graph that is not Oobleck runs through LibTorch's interpreter, which must be able to
// read the archive's format and compile its code: say which LibTorch it needs.
std::unique_ptr<VaeNetwork> graph_network(const std::filesystem::path& file,
                                          const at::Device& device,
                                          const models::TorchScriptSummary& archive) {
  const auto readable =
      static_cast<std::int64_t>(caffe2::serialize::kMaxSupportedFileFormatVersion);
  const std::string versions = "archive format version " + std::to_string(archive.version) +
                               ", this LibTorch " + TORCH_VERSION + " reads up to " +
                               std::to_string(readable);
  if (std::string problem = models::torchscript_preflight(file, {TORCH_VERSION, readable});
      !problem.empty())
    throw Error(ErrorKind::ModelCorrupt, problem);
  try {
    return std::make_unique<TorchScriptVae>(file, device);
  } catch (const Error& e) {
    throw Error(e.kind(), std::string(e.what()) + " (" + versions +
                              "; a graph saved by a newer PyTorch may need a newer LibTorch)");
  }
}

// Native whenever the tensors look like Oobleck (then binding errors are fatal); the
// graph itself only for anything else.
std::unique_ptr<VaeNetwork> open_network(const std::filesystem::path& file,
                                         const at::Device& device, at::ScalarType native_dtype) {
  const auto native_options = at::TensorOptions().dtype(native_dtype).device(device);
  if (file.extension() == ".safetensors") {
    auto weights = load_weight_map(file);
    return native(weights, native_options);
  }
  // Our own reader: the weights of an Oobleck archive never depend on whether this
  // LibTorch can compile the archive's code.
  auto archive = models::read_torchscript_weights(file);
  if (find_oobleck_prefix(archive.weights)) return native(archive.weights, native_options);
  return graph_network(file, device, archive.summary);
}

std::unique_ptr<VaeNetwork> checked_open(const std::filesystem::path& file,
                                         const at::Device& device, at::ScalarType native_dtype) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw Error(ErrorKind::ModelMissing, file.string() + ": VAE file not found");
  return open_network(file, device, native_dtype);
}

}  // namespace

Vae::Vae(const std::filesystem::path& model_file, const at::Device& device,
         at::ScalarType native_dtype)
    : Vae(checked_open(model_file, device, native_dtype), device) {}

Vae::Vae(WeightMap& oobleck_weights, const at::TensorOptions& options)
    : Vae(native(oobleck_weights, options), options.device()) {}

Vae::Vae(std::unique_ptr<VaeNetwork> network, const at::Device& device)
    : impl_(std::make_unique<Impl>(Impl{std::move(network), device})) {}

Vae::~Vae() = default;
Vae::Vae(Vae&&) noexcept = default;
Vae& Vae::operator=(Vae&&) noexcept = default;

std::string Vae::backend_name() const {
  return impl_->network->backend_name();
}

VaeShape Vae::shape() const {
  return impl_->network->shape();
}

at::Tensor Vae::decode(const at::Tensor& latents) const {
  check_rank3(latents, shape().latent_channels, "latents");
  return impl_->network->decode(latents.to(float_on(impl_->device)).contiguous());
}

at::Tensor Vae::decode_chunked(const at::Tensor& latents, const ChunkParams& params,
                               const ChunkCallback& on_chunk, const std::stop_token& stop,
                               const FinishedCallback& on_finished) const {
  const auto s = shape();
  check_rank3(latents, s.latent_channels, "latents");
  const int64_t frames = latents.size(2);
  const auto input = latents.to(float_on(impl_->device));
  auto output = at::zeros({latents.size(0), s.audio_channels, frames * s.hop}, input.options());
  chunked(input, output, frames, 1, s.hop, params, on_chunk, stop, on_finished,
          [&](const at::Tensor& piece) { return impl_->network->decode(piece.contiguous()); });
  return output;
}

at::Tensor Vae::encode(const at::Tensor& audio) const {
  check_rank3(audio, shape().audio_channels, "audio");
  return impl_->network->encode(audio.to(float_on(impl_->device)).contiguous());
}

at::Tensor Vae::encode_chunked(const at::Tensor& audio, const ChunkParams& params,
                               const ChunkCallback& on_chunk, const std::stop_token& stop) const {
  const auto s = shape();
  check_rank3(audio, s.audio_channels, "audio");
  const int64_t samples = audio.size(2);
  // Shorter than one chunk: the official code fails here; one plain call is exact.
  if (samples < params.chunk * s.hop) {
    auto result = encode(audio);
    if (on_chunk) on_chunk(1, 1);
    return result;
  }
  const auto input = audio.to(float_on(impl_->device));
  const int64_t frames = samples / s.hop;
  auto output = at::zeros({audio.size(0), s.encoded_channels, frames}, input.options());
  chunked(input, output, frames, s.hop, 1, params, on_chunk, stop, {},
          [&](const at::Tensor& piece) { return impl_->network->encode(piece.contiguous()); });
  return output;
}

}  // namespace drs
