#include "vae/polyphase.h"

#include <array>

#include "drs/error.h"
#include "vae/time_major.h"

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

// Phases with the same shift form one contiguous range [r0, r1): copy(r0, r1, shift) once
// per range (two in all).
template <typename Copy>
void for_each_shift_range(int64_t stride, int64_t padding, Copy&& copy) {
  int64_t r0 = 0;
  while (r0 < stride) {
    const auto shift = phase(r0, stride, padding).shift;
    int64_t r1 = r0;
    while (r1 < stride && phase(r1, stride, padding).shift == shift) ++r1;
    copy(r0, r1, shift);
    r0 = r1;
  }
}

}  // namespace

PolyphaseUpsample::PolyphaseUpsample(const at::Tensor& weight, const at::Tensor& bias,
                                     int64_t stride, int64_t padding, bool time_major)
    : stride_(stride), padding_(padding), out_(weight.size(1)), time_major_(time_major) {
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
  if (time_major_) weight_ = to_time_major(weight_);
  if (bias.defined()) bias_ = bias.repeat({stride});
}

at::Tensor PolyphaseUpsample::forward(const at::Tensor& x) const {
  if (time_major_) return forward_time_major(x);
  const int64_t batch = x.size(0), length = x.size(2), s = stride_;
  // z[u] uses x[u-1] and x[u], u = 0 .. L: every phase's pair is one of its columns.
  const auto z = at::conv1d(x, weight_, bias_, 1, /*padding=*/1).view({batch, s, out_, length + 1});
  const int64_t out_length = output_length(length);
  const int64_t rows = (out_length + s - 1) / s;
  auto out = at::empty({batch, out_, rows, s}, x.options());
  for_each_shift_range(s, padding_, [&](int64_t r0, int64_t r1, int64_t shift) {
    out.narrow(3, r0, r1 - r0)
        .copy_(z.narrow(1, r0, r1 - r0).narrow(3, shift, rows).permute({0, 2, 3, 1}));
  });
  const auto flat = out.view({batch, out_, rows * s});
  return rows * s == out_length ? flat : flat.narrow(2, 0, out_length).contiguous();
}

// Time-major, the phases interleave by whole time steps: z's storage is [B, L+1, s, out]
// (phase-major channels) and the output's [B, rows, s, out], so each group of phases with
// the same shift is one strided copy of contiguous runs of channels.
at::Tensor PolyphaseUpsample::forward_time_major(const at::Tensor& x) const {
  const int64_t batch = x.size(0), length = x.size(3), s = stride_;
  const std::array<int64_t, 2> one{1, 1}, pad_one_step{0, 1};
  const auto z = at::conv2d(x, weight_, bias_, one, pad_one_step)
                     .permute({0, 2, 3, 1})  // [B, 1, L+1, s * out], contiguous storage
                     .reshape({batch, length + 1, s, out_});
  const int64_t out_length = output_length(length);
  const int64_t rows = (out_length + s - 1) / s;
  auto out = at::empty({batch, rows, s, out_}, x.options());
  for_each_shift_range(s, padding_, [&](int64_t r0, int64_t r1, int64_t shift) {
    out.narrow(2, r0, r1 - r0).copy_(z.narrow(1, shift, rows).narrow(2, r0, r1 - r0));
  });
  const auto steps = time_major_view(out.view({batch, rows * s, out_}));
  return rows * s == out_length
             ? steps
             : steps.narrow(3, 0, out_length).contiguous(at::MemoryFormat::ChannelsLast);
}

}  // namespace drs
