#include "audio/postprocess.h"

#include "drs/error.h"

namespace drs {

std::vector<float> postprocess_official(const at::Tensor& audio) {
  if (audio.dim() != 3)
    throw Error(ErrorKind::Internal, "postprocess expects [batch, channels, samples]");
  auto joined =
      audio.detach().to(at::kCPU, at::kFloat).permute({1, 0, 2}).reshape({audio.size(1), -1});
  const double peak = joined.abs().max().item<double>();
  if (peak > 0) joined = joined / peak;
  joined = joined.clamp(-1.0, 1.0).t().contiguous();  // [frames, channels]
  const auto* data = joined.data_ptr<float>();
  return {data, data + joined.numel()};
}

}  // namespace drs
