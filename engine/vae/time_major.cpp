#include "vae/time_major.h"

namespace drs {

bool time_major_network(const at::TensorOptions& options) {
  return options.device().is_cpu();
}

at::Tensor to_time_major(const at::Tensor& x) {
  return x.unsqueeze(2).contiguous(at::MemoryFormat::ChannelsLast);
}

at::Tensor from_time_major(const at::Tensor& x) {
  return x.squeeze(2).contiguous();
}

at::Tensor time_major_view(const at::Tensor& btc) {
  // [B, T, C] -> [B, 1, T, C] -> [B, C, 1, T]: exactly the channels-last strides.
  return btc.unsqueeze(1).permute({0, 3, 1, 2});
}

}  // namespace drs
