#include "vae/vae.h"

#include <torch/script.h>

#include <string>

#include "drs/error.h"
#include "drs/progress.h"
#include "vae/chunk_plan.h"

namespace drs {

struct Vae::Impl {
  mutable torch::jit::Module module;
  at::Device device;
};

namespace {

constexpr int64_t kSamplesPerFrame = 2048;

at::Tensor run(torch::jit::Module& module, const char* method, const at::Tensor& input) {
  const auto found = module.find_method(method);
  if (!found)
    throw Error(ErrorKind::ModelCorrupt, std::string("VAE file has no method '") + method + "'");
  c10::InferenceMode guard;
  return (*found)({input}).toTensor();
}

// Runs `process` on each chunk of `input` (cut along the last axis in units of
// `in_unit` elements) and pastes the kept frames into `output` (`out_unit` elements
// per frame along its last axis).
template <typename Process>
void chunked(const at::Tensor& input, at::Tensor& output, int64_t frames, int64_t in_unit,
             int64_t out_unit, const ChunkParams& params, const ChunkCallback& on_chunk,
             const std::stop_token& stop, Process&& process) {
  const auto spans = plan_chunks(frames, params.chunk, params.overlap);
  const int64_t out_frames = output.size(-1) / out_unit;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    throw_if_cancelled(stop);
    const auto& span = spans[i];
    const auto piece = process(input.narrow(-1, span.start * in_unit, span.length * in_unit));
    // A final flush-with-the-end chunk is placed at the end of the output (its frame
    // count can differ from the input's when the audio is not a whole number of frames).
    const int64_t place = (i + 1 == spans.size() && i > 0) ? out_frames - span.length : span.start;
    const int64_t kept = span.keep_end - span.keep_begin;
    output.narrow(-1, (place + span.keep_begin) * out_unit, kept * out_unit)
        .copy_(piece.narrow(-1, span.keep_begin * out_unit, kept * out_unit));
    if (on_chunk) on_chunk(static_cast<int>(i + 1), static_cast<int>(spans.size()));
  }
}

void check_rank3(const at::Tensor& t, int64_t channels, const char* what) {
  if (t.dim() != 3 || t.size(1) != channels)
    throw Error(ErrorKind::BadInput, std::string(what) + " must be [batch, " +
                                         std::to_string(channels) + ", time], got " +
                                         std::to_string(t.dim()) + "-d tensor");
}

}  // namespace

Vae::Vae(const std::filesystem::path& torchscript_file, const at::Device& device)
    : impl_(std::make_unique<Impl>(Impl{torch::jit::Module(), device})) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(torchscript_file, ec))
    throw Error(ErrorKind::ModelMissing, torchscript_file.string() + ": VAE file not found");
  try {
    impl_->module = torch::jit::load(torchscript_file.string(), device);
  } catch (const c10::Error& e) {
    throw Error(ErrorKind::ModelCorrupt,
                torchscript_file.string() +
                    ": not a loadable TorchScript VAE: " + e.what_without_backtrace());
  }
  impl_->module.eval();
  if (!impl_->module.find_method("decode_export"))
    throw Error(ErrorKind::ModelCorrupt,
                torchscript_file.string() + ": TorchScript file has no decode_export method");
}

Vae::~Vae() = default;
Vae::Vae(Vae&&) noexcept = default;
Vae& Vae::operator=(Vae&&) noexcept = default;

at::Tensor Vae::decode(const at::Tensor& latents) const {
  check_rank3(latents, 64, "latents");
  return run(impl_->module, "decode_export", latents.to(impl_->device, at::kFloat).contiguous());
}

at::Tensor Vae::decode_chunked(const at::Tensor& latents, const ChunkParams& params,
                               const ChunkCallback& on_chunk, std::stop_token stop) const {
  check_rank3(latents, 64, "latents");
  const int64_t frames = latents.size(2);
  const auto input = latents.to(impl_->device, at::kFloat);
  auto output = at::zeros({latents.size(0), 2, frames * kSamplesPerFrame}, input.options());
  chunked(input, output, frames, 1, kSamplesPerFrame, params, on_chunk, stop,
          [&](const at::Tensor& piece) {
            return run(impl_->module, "decode_export", piece.contiguous());
          });
  return output;
}

at::Tensor Vae::encode(const at::Tensor& audio) const {
  check_rank3(audio, 2, "audio");
  return run(impl_->module, "encode_export", audio.to(impl_->device, at::kFloat).contiguous());
}

at::Tensor Vae::encode_chunked(const at::Tensor& audio, const ChunkParams& params,
                               const ChunkCallback& on_chunk, std::stop_token stop) const {
  check_rank3(audio, 2, "audio");
  const int64_t samples = audio.size(2);
  // Shorter than one chunk: the official code fails here; one plain call is exact.
  if (samples < params.chunk * kSamplesPerFrame) {
    auto result = encode(audio);
    if (on_chunk) on_chunk(1, 1);
    return result;
  }
  const auto input = audio.to(impl_->device, at::kFloat);
  const int64_t frames = samples / kSamplesPerFrame;
  auto output = at::zeros({audio.size(0), 128, frames}, input.options());
  chunked(input, output, frames, kSamplesPerFrame, 1, params, on_chunk, stop,
          [&](const at::Tensor& piece) {
            return run(impl_->module, "encode_export", piece.contiguous());
          });
  return output;
}

}  // namespace drs
