#include "vae/polyphase.h"

#include "drs/error.h"

namespace drs {
namespace {

// Output phase r's taps sit at kernel positions r + padding (mod s): b, and s + b.
// `shift` (0 or 1) says whether its two input samples are (q-1, q) or (q, q+1).
struct Phase {
  int64_t b, shift;
};

Phase phase(int64_t r, int64_t stride, int64_t padding) {
  const auto c = r + padding;
  return {c % stride, c / stride};
}

}  // namespace

PolyphaseUpsample::PolyphaseUpsample(const at::Tensor& weight, const at::Tensor& bias,
                                     int64_t stride, int64_t padding)
    : stride_(stride), padding_(padding), out_(weight.size(1)) {
  if (!supported(weight.size(2), stride, padding))
    throw Error(ErrorKind::Internal,
                "polyphase up-sampling needs kernel 2s and s/2 <= padding <= s");
  std::vector<at::Tensor> rows;
  for (int64_t r = 0; r < stride; ++r) {
    const auto p = phase(r, stride, padding);
    // Tap 0 multiplies the earlier input sample (kernel position s + b), tap 1 the later.
    const auto earlier = weight.select(2, stride + p.b), later = weight.select(2, p.b);
    rows.push_back(at::stack({earlier, later}, 2).transpose(0, 1));  // [out, in, 2]
  }
  weight_ = at::cat(rows, 0).contiguous();
  if (bias.defined()) bias_ = bias.repeat({stride});
}

at::Tensor PolyphaseUpsample::forward(const at::Tensor& x) const {
  const int64_t batch = x.size(0), length = x.size(2), s = stride_;
  // z[u] uses x[u-1] and x[u], u = 0 .. L: every phase's pair is one of its columns.
  const auto z = at::conv1d(x, weight_, bias_, 1, /*padding=*/1).view({batch, s, out_, length + 1});
  const int64_t out_length = length * s + s - 2 * padding_;
  const int64_t rows = (out_length + s - 1) / s;
  auto out = at::empty({batch, out_, rows, s}, x.options());
  // Phases with the same shift form one contiguous range: two strided copies in all.
  int64_t r0 = 0;
  while (r0 < s) {
    const auto shift = phase(r0, s, padding_).shift;
    int64_t r1 = r0;
    while (r1 < s && phase(r1, s, padding_).shift == shift) ++r1;
    out.narrow(3, r0, r1 - r0)
        .copy_(z.narrow(1, r0, r1 - r0).narrow(3, shift, rows).permute({0, 2, 3, 1}));
    r0 = r1;
  }
  const auto flat = out.view({batch, out_, rows * s});
  return rows * s == out_length ? flat : flat.narrow(2, 0, out_length).contiguous();
}

}  // namespace drs
