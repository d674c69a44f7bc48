#include "dit/cpu_attention.h"

#include <cmath>

namespace drs {

at::Tensor cpu_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                         const std::function<void()>& after_head) {
  const int64_t b = q.size(0), h = q.size(1), n = q.size(2), d = q.size(3);
  const auto qc = q.contiguous(), kc = k.contiguous(), vc = v.contiguous();
  auto out = at::empty({b, h, n, d}, q.options());
  auto scores = at::empty({n, k.size(2)}, q.options());
  const double scale = 1.0 / std::sqrt(static_cast<double>(d));
  for (int64_t i = 0; i < b; ++i) {
    for (int64_t j = 0; j < h; ++j) {
      at::addmm_out(scores, scores, qc[i][j], kc[i][j].t(), /*beta=*/0, /*alpha=*/scale);
      at::_softmax_out(scores, scores, -1, false);
      auto target = out[i][j];
      at::mm_out(target, scores, vc[i][j]);
      if (after_head) after_head();
    }
  }
  return out;
}

}  // namespace drs
