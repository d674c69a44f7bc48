#include "dit/bf16_attention.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "core/amx_tiles.h"
#include "core/kernel_choice.h"
#include "drs/cpu_features.h"
#include "drs/error.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define DRS_BF16_ATTENTION 1
// GCC 12 reports its own AVX-512 intrinsics' deliberately undefined registers
// (_mm512_undefined_*) as uninitialised when they are inlined here (GCC only: clang, and
// so clang-tidy, knows no -Wmaybe-uninitialized and rejects the pragma).
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

namespace drs {
namespace {

constexpr int64_t kHeadDim = 64;  // the kernel's register blocking is for this width
constexpr int64_t kPairs = kHeadDim / 2;
constexpr int64_t kRows = 8;       // query rows per block (scores and softmax)
constexpr int64_t kKeyTile = 16;   // keys per vector of scores
constexpr int64_t kTileRows = 16;  // query rows per block of the AMX kernel

// float -> bfloat16 bits, round to nearest even (inputs are finite activations).
std::uint16_t to_bf16(float x) {
  const auto bits = std::bit_cast<std::uint32_t>(x);
  return static_cast<std::uint16_t>((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
}

std::uint32_t pair(float lo, float hi) {
  return static_cast<std::uint32_t>(to_bf16(lo)) | (static_cast<std::uint32_t>(to_bf16(hi)) << 16);
}

int64_t round_up(int64_t x, int64_t to) {
  return (x + to - 1) / to * to;
}

// One head's operands in the layouts the dot-product instruction wants. Padding keys
// (beyond m) hold zeros; their scores are never read and their probabilities are zero.
struct PackedHead {
  int64_t n = 0, m = 0, n_pad = 0, m_pad = 0;
  std::vector<std::uint32_t> q;  // [n_pad][kPairs]: scaled query pairs along d
  std::vector<std::uint32_t> k;  // [m_pad / 16][kPairs][16]: 16 keys' pairs along d
  std::vector<std::uint32_t> v;  // [m_pad / 2][kHeadDim]: (v[j][c], v[j+1][c]) pairs
};

// One head's rows in memory: row i at data + i * stride, its d values contiguous.
struct HeadRows {
  const float* data = nullptr;
  int64_t stride = kHeadDim;
  [[nodiscard]] const float* row(int64_t i) const { return data + i * stride; }
};

// Rotary tables [positions][kHeadDim] (float32, contiguous), or none.
struct RopeTables {
  const float* cos = nullptr;
  const float* sin = nullptr;
};

// x · cos + rotate_half(x) · sin for position i, in the same float32 operations (and
// order) as the unfused tensor expression, so the rotated values are the same bits.
void rotate(const float* x, const RopeTables& rope, int64_t i, float* out) {
  constexpr int64_t half = kHeadDim / 2;
  const float* cos = rope.cos + i * kHeadDim;
  const float* sin = rope.sin + i * kHeadDim;
  for (int64_t c = 0; c < half; ++c) out[c] = x[c] * cos[c] + (-x[c + half]) * sin[c];
  for (int64_t c = half; c < kHeadDim; ++c) out[c] = x[c] * cos[c] + x[c - half] * sin[c];
}

// Row i of q or k, rotated when there are tables (into `buffer`), else as stored.
const float* rope_row(const HeadRows& rows, const RopeTables& rope, int64_t i, float* buffer) {
  if (rope.cos == nullptr) return rows.row(i);
  rotate(rows.row(i), rope, i, buffer);
  return buffer;
}

void pack_head(const HeadRows& q, const HeadRows& k, const HeadRows& v, int64_t n, int64_t m,
               float scale, const RopeTables& rope, PackedHead& p) {
  p.n = n, p.m = m, p.n_pad = round_up(n, kTileRows),
  p.m_pad = round_up(m, 2 * kKeyTile);  // block_scores' pairs of key vectors
  p.q.assign(static_cast<std::size_t>(p.n_pad * kPairs), 0);
  p.k.assign(static_cast<std::size_t>(p.m_pad * kPairs), 0);
  p.v.assign(static_cast<std::size_t>(p.m_pad / 2 * kHeadDim), 0);
  // Every head is packed once per call on the run's hot path: rows split over the threads.
  at::parallel_for(0, std::max(n, m), 64, [&](int64_t begin, int64_t end) {
    float rotated[kHeadDim];
    for (int64_t i = begin; i < std::min(end, n); ++i) {
      const float* x = rope_row(q, rope, i, rotated);
      for (int64_t t = 0; t < kPairs; ++t)
        p.q[i * kPairs + t] = pair(x[2 * t] * scale, x[2 * t + 1] * scale);
    }
    for (int64_t j = begin; j < std::min(end, m); ++j) {
      const float* x = rope_row(k, rope, j, rotated);
      for (int64_t t = 0; t < kPairs; ++t)
        p.k[((j / kKeyTile) * kPairs + t) * kKeyTile + j % kKeyTile] = pair(x[2 * t], x[2 * t + 1]);
    }
    for (int64_t j = begin + begin % 2; j < std::min(end, m); j += 2) {  // pairs start even
      const float* first = v.row(j);
      const float* second = j + 1 < m ? v.row(j + 1) : nullptr;
      for (int64_t c = 0; c < kHeadDim; ++c)
        p.v[j / 2 * kHeadDim + c] = pair(first[c], second != nullptr ? second[c] : 0.f);
    }
  });
}

#ifdef DRS_BF16_ATTENTION
// The small fixed loops over rows and column vectors are unrolled (#pragma GCC unroll,
// which clang honours too) so that the accumulators stay in registers.
#define DRS_BF16_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

DRS_BF16_TARGET inline __m512 dot(__m512 acc, __m512i a, __m512i b) {
  return _mm512_dpbf16_ps(acc, reinterpret_cast<__m512bh>(a), reinterpret_cast<__m512bh>(b));
}

// e^x for x <= 0: 2^n · e^r with |r| <= ln2/2 and a degree-6 Taylor polynomial (relative
// error ~1e-7, far below the bfloat16 rounding that follows).
DRS_BF16_TARGET inline __m512 exp_nonpositive(__m512 x) {
  x = _mm512_max_ps(x, _mm512_set1_ps(-87.0f));
  const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504f)),
                                        _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
  __m512 y = _mm512_set1_ps(1.0f / 720);
  for (float c : {1.0f / 120, 1.0f / 24, 1.0f / 6, 0.5f, 1.0f, 1.0f})
    y = _mm512_fmadd_ps(y, r, _mm512_set1_ps(c));
  return _mm512_scalef_ps(y, n);
}

// scores[r][0..m_pad) for query rows row0..row0+kRows of the packed head.
DRS_BF16_TARGET void block_scores(const PackedHead& p, int64_t row0, float* scores) {
  // Two key vectors per pass: 16 independent accumulators hide the instruction's latency.
  constexpr int64_t kTiles = 2;
  const auto* q = p.q.data() + row0 * kPairs;
  for (int64_t tile = 0; tile < p.m_pad / kKeyTile; tile += kTiles) {
    __m512 acc[kRows][kTiles];
#pragma GCC unroll 16
    for (auto& row : acc)
#pragma GCC unroll 16
      for (auto& a : row) a = _mm512_setzero_ps();
    const auto* k = p.k.data() + tile * kPairs * kKeyTile;
    for (int64_t t = 0; t < kPairs; ++t) {
      const __m512i keys0 = _mm512_loadu_si512(k + t * kKeyTile);
      const __m512i keys1 = _mm512_loadu_si512(k + (kPairs + t) * kKeyTile);
#pragma GCC unroll 16
      for (int64_t r = 0; r < kRows; ++r) {
        const __m512i query = _mm512_set1_epi32(static_cast<int>(q[r * kPairs + t]));
        acc[r][0] = dot(acc[r][0], query, keys0);
        acc[r][1] = dot(acc[r][1], query, keys1);
      }
    }
#pragma GCC unroll 16
    for (int64_t r = 0; r < kRows; ++r)
#pragma GCC unroll 16
      for (int64_t i = 0; i < kTiles; ++i)
        _mm512_storeu_ps(scores + r * p.m_pad + (tile + i) * kKeyTile, acc[r][i]);
  }
}

// In place: one row's scores -> e^(s - max) for the m real keys, zero for padding, and
// the bfloat16 pairs of those probabilities. Returns their sum.
DRS_BF16_TARGET float row_softmax(float* s, int64_t m, int64_t m_pad, std::uint16_t* probs) {
  const __mmask16 tail = static_cast<__mmask16>((1u << (m % kKeyTile)) - 1u);
  __m512 mx = _mm512_set1_ps(-INFINITY);
  for (int64_t j = 0; j < m; j += kKeyTile) {
    const __mmask16 mask = j + kKeyTile <= m ? __mmask16(0xFFFF) : tail;
    mx = _mm512_mask_max_ps(mx, mask, mx, _mm512_maskz_loadu_ps(mask, s + j));
  }
  const __m512 max = _mm512_set1_ps(_mm512_reduce_max_ps(mx));
  __m512 sum = _mm512_setzero_ps();
  for (int64_t j = 0; j < m_pad; j += kKeyTile) {
    const __mmask16 mask = j + kKeyTile <= m ? __mmask16(0xFFFF) : (j < m ? tail : __mmask16(0));
    const __m512 e =
        _mm512_maskz_mov_ps(mask, exp_nonpositive(_mm512_sub_ps(_mm512_loadu_ps(s + j), max)));
    sum = _mm512_add_ps(sum, e);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(probs + j),
                        reinterpret_cast<__m256i>(_mm512_cvtneps_pbh(e)));
  }
  return _mm512_reduce_add_ps(sum);
}

// out rows (4 at a time) = probabilities × V / sum.
DRS_BF16_TARGET void block_values(const PackedHead& p, const std::uint16_t* probs,
                                  const float* sums, int64_t rows, float* out, int64_t out_stride) {
  constexpr int64_t kGroup = 4, kVectors = kHeadDim / 16;
  for (int64_t r0 = 0; r0 < rows; r0 += kGroup) {
    __m512 acc[kGroup][kVectors];
#pragma GCC unroll 16
    for (auto& row : acc)
#pragma GCC unroll 16
      for (auto& a : row) a = _mm512_setzero_ps();
    for (int64_t jp = 0; jp < p.m_pad / 2; ++jp) {
      const auto* v = p.v.data() + jp * kHeadDim;
      __m512i values[kVectors];
#pragma GCC unroll 16
      for (int64_t c = 0; c < kVectors; ++c) values[c] = _mm512_loadu_si512(v + c * 16);
#pragma GCC unroll 16
      for (int64_t r = 0; r < kGroup; ++r) {
        std::uint32_t two = 0;
        std::memcpy(&two, probs + (r0 + r) * p.m_pad + 2 * jp, sizeof two);
        const __m512i a = _mm512_set1_epi32(static_cast<int>(two));
#pragma GCC unroll 16
        for (int64_t c = 0; c < kVectors; ++c) acc[r][c] = dot(acc[r][c], a, values[c]);
      }
    }
#pragma GCC unroll 16
    for (int64_t r = 0; r < kGroup; ++r) {
      if (r0 + r >= rows) break;
      const __m512 inv = _mm512_set1_ps(1.0f / sums[r0 + r]);
#pragma GCC unroll 16
      for (int64_t c = 0; c < kVectors; ++c)
        _mm512_storeu_ps(out + (r0 + r) * out_stride + c * 16, _mm512_mul_ps(acc[r][c], inv));
    }
  }
}

// The first `rows` rows of scores -> probabilities; their sums into sums.
DRS_BF16_TARGET void softmax_rows(const PackedHead& p, int64_t rows, std::span<float> scores,
                                  std::span<std::uint16_t> probs, float* sums) {
  for (int64_t r = 0; r < rows; ++r)
    sums[r] = row_softmax(scores.data() + r * p.m_pad, p.m, p.m_pad, probs.data() + r * p.m_pad);
}

// Query rows [row0, row0 + kRows) of one head into out (rows beyond n are skipped).
DRS_BF16_TARGET void attend_block(const PackedHead& p, int64_t row0, std::span<float> scores,
                                  std::span<std::uint16_t> probs, float* out, int64_t out_stride) {
  block_scores(p, row0, scores.data());
  float sums[kRows];
  softmax_rows(p, kRows, scores, probs, sums);
  const int64_t rows = std::min(kRows, p.n - row0);
  block_values(p, probs.data(), sums, rows, out + row0 * out_stride, out_stride);
}

// out: the head's output rows, row i at out + i * out_stride.
void attend_head(const PackedHead& p, float* out, int64_t out_stride) {
  at::parallel_for(0, (p.n + kRows - 1) / kRows, 1, [&](int64_t begin, int64_t end) {
    std::vector<float> scores(static_cast<std::size_t>(kRows * p.m_pad));
    std::vector<std::uint16_t> probs(static_cast<std::size_t>(kRows * p.m_pad));
    for (int64_t block = begin; block < end; ++block)
      attend_block(p, block * kRows, scores, probs, out, out_stride);
  });
}

// The same head on AMX tiles (tdpbf16ps: a 16 x 16 float32 block += 16 rows of 32
// bfloat16 values x 32 x 16 values), for 16 query rows at a time. The packed layouts above
// are already the tiles' layouts: a query row's 32 pairs are two A tiles' rows, a key
// tile's [32 pairs][16 keys] two B tiles, and V's [key pairs][64 columns] four B tiles
// side by side. Tiles: 0-3 results, 4-5 queries / probabilities, 2-3 and 5-7 keys / values.
#define DRS_AMX_TARGET \
  __attribute__((target("amx-tile,amx-bf16,avx512f,avx512bw,avx512vl,avx512bf16")))

DRS_AMX_TARGET void tile_scores(const PackedHead& p, int64_t row0, float* scores) {
  constexpr long kQueryStride = kPairs * 4, kKeyStride = kKeyTile * 4;
  const long score_stride = static_cast<long>(p.m_pad * 4);
  const auto* q = p.q.data() + row0 * kPairs;
  _tile_loadd(4, q, kQueryStride);       // d 0..31
  _tile_loadd(5, q + 16, kQueryStride);  // d 32..63
  for (int64_t tile = 0; tile < p.m_pad / kKeyTile; tile += 2) {
    const auto* k0 = p.k.data() + tile * kPairs * kKeyTile;
    const auto* k1 = k0 + kPairs * kKeyTile;
    _tile_zero(0);
    _tile_zero(1);
    _tile_loadd(2, k0, kKeyStride);
    _tile_loadd(3, k0 + 16 * kKeyTile, kKeyStride);
    _tile_loadd(6, k1, kKeyStride);
    _tile_loadd(7, k1 + 16 * kKeyTile, kKeyStride);
    _tile_dpbf16ps(0, 4, 2);
    _tile_dpbf16ps(1, 4, 6);
    _tile_dpbf16ps(0, 5, 3);
    _tile_dpbf16ps(1, 5, 7);
    _tile_stored(0, scores + tile * kKeyTile, score_stride);
    _tile_stored(1, scores + (tile + 1) * kKeyTile, score_stride);
  }
}

// block[16][64] = probabilities[16][m_pad] x V, unnormalised.
DRS_AMX_TARGET void tile_values(const PackedHead& p, const std::uint16_t* probs, float* block) {
  constexpr long kValueStride = kHeadDim * 4, kBlockStride = kHeadDim * 4;
  const long prob_stride = static_cast<long>(p.m_pad * 2);
  _tile_zero(0);
  _tile_zero(1);
  _tile_zero(2);
  _tile_zero(3);
  for (int64_t jp = 0; jp < p.m_pad / 2; jp += 16) {  // 32 keys = 16 pairs per step
    const auto* v = p.v.data() + jp * kHeadDim;
    _tile_loadd(4, probs + 2 * jp, prob_stride);
    _tile_loadd(5, v, kValueStride);
    _tile_loadd(6, v + 16, kValueStride);
    _tile_loadd(7, v + 32, kValueStride);
    _tile_dpbf16ps(0, 4, 5);
    _tile_dpbf16ps(1, 4, 6);
    _tile_dpbf16ps(2, 4, 7);
    _tile_loadd(5, v + 48, kValueStride);
    _tile_dpbf16ps(3, 4, 5);
  }
  _tile_stored(0, block, kBlockStride);
  _tile_stored(1, block + 16, kBlockStride);
  _tile_stored(2, block + 32, kBlockStride);
  _tile_stored(3, block + 48, kBlockStride);
}

DRS_AMX_TARGET void tile_block(const PackedHead& p, int64_t row0, std::span<float> scores,
                               std::span<std::uint16_t> probs, float* out, int64_t out_stride) {
  tile_scores(p, row0, scores.data());
  float sums[kTileRows];
  softmax_rows(p, kTileRows, scores, probs, sums);
  alignas(64) float block[kTileRows * kHeadDim];
  tile_values(p, probs.data(), block);
  const int64_t rows = std::min(kTileRows, p.n - row0);
  for (int64_t r = 0; r < rows; ++r) {
    const __m512 inv = _mm512_set1_ps(1.0f / sums[r]);
#pragma GCC unroll 4
    for (int64_t c = 0; c < kHeadDim; c += 16)
      _mm512_storeu_ps(out + (row0 + r) * out_stride + c,
                       _mm512_mul_ps(_mm512_load_ps(block + r * kHeadDim + c), inv));
  }
}

void tile_head(const PackedHead& p, float* out, int64_t out_stride) {
  at::parallel_for(0, p.n_pad / kTileRows, 1, [&](int64_t begin, int64_t end) {
    const AmxTileScope tiles;  // per thread: the configuration is thread state
    std::vector<float> scores(static_cast<std::size_t>(kTileRows * p.m_pad));
    std::vector<std::uint16_t> probs(static_cast<std::size_t>(kTileRows * p.m_pad));
    for (int64_t block = begin; block < end; ++block)
      tile_block(p, block * kTileRows, scores, probs, out, out_stride);
  });
}
#endif

}  // namespace

bool bf16_attention_supported(int64_t head_dim) {
#ifdef DRS_BF16_ATTENTION
  const auto cpu = detect_cpu_features();
  return head_dim == kHeadDim && has_avx512_core(cpu) && cpu.avx512_bf16;
#else
  (void)head_dim;
  return false;
#endif
}

bool bf16_attention_chosen(CpuAttention choice, at::ScalarType compute, at::Device device,
                           bool int8_matrices, int64_t head_dim) {
  const bool reduced = int8_matrices || compute == at::kBFloat16;
  return choice == CpuAttention::Fastest && reduced && device.is_cpu() &&
         bf16_attention_supported(head_dim);
}

bool bf16_attention_tiles_supported(int64_t head_dim) {
  return bf16_attention_supported(head_dim) && amx_tiles_usable();
}

std::string bf16_attention_kernel_name(int64_t head_dim) {
  if (bf16_attention_tiles_supported(head_dim)) return "amx-bf16 tiles";
  return bf16_attention_supported(head_dim) ? "avx512-bf16 pairs" : "none";
}

namespace {

// A float32 copy only where needed: float32 heads whose d values are contiguous are read
// in place through their strides (the DiT's q, k, v are views into one projection).
at::Tensor float_rows(const at::Tensor& x) {
  if (x.scalar_type() == at::kFloat && x.stride(3) == 1) return x;
  return x.to(at::kFloat).contiguous();
}

HeadRows head_rows(const at::Tensor& x, int64_t batch, int64_t head) {
  return {x.data_ptr<float>() + batch * x.stride(0) + head * x.stride(1), x.stride(2)};
}

}  // namespace

at::Tensor bf16_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                          const std::function<void()>& after_head, Bf16AttentionKernel kernel,
                          const AttentionRope* rope) {
  const int64_t b = q.size(0), h = q.size(1), n = q.size(2), d = q.size(3), m = k.size(2);
  if (!bf16_attention_supported(d) || !q.is_cpu())
    throw Error(ErrorKind::Internal, "bf16_attention called where it cannot run");
  if (kernel == Bf16AttentionKernel::Tiles && !bf16_attention_tiles_supported(d))
    throw Error(ErrorKind::Internal, "bf16_attention: no AMX tiles here");
  const bool tiles = kernel == Bf16AttentionKernel::Tiles ||
                     (kernel == Bf16AttentionKernel::Auto && bf16_attention_tiles_supported(d));
  const auto qf = float_rows(q), kf = float_rows(k), vf = float_rows(v);
  at::Tensor cos, sin;
  RopeTables tables;
  if (rope != nullptr) {
    if (rope->cos.size(0) < std::max(n, m) || rope->cos.size(1) != d ||
        rope->sin.sizes() != rope->cos.sizes())
      throw Error(ErrorKind::Internal, "bf16_attention: rotary tables do not fit the heads");
    cos = rope->cos.to(at::kFloat).contiguous(), sin = rope->sin.to(at::kFloat).contiguous();
    tables = {cos.data_ptr<float>(), sin.data_ptr<float>()};
  }
  // Written as [B, N, H, d], returned as its [B, H, N, d] view: the caller's merge of
  // the heads back into [B, N, H * d] is then a view, not a copy.
  auto merged = at::empty({b, n, h, d}, qf.options().dtype(at::kFloat));
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  PackedHead packed;
  for (int64_t i = 0; i < b; ++i) {
    for (int64_t j = 0; j < h; ++j) {
      pack_head(head_rows(qf, i, j), head_rows(kf, i, j), head_rows(vf, i, j), n, m, scale, tables,
                packed);
      float* out = merged.data_ptr<float>() + (i * n * h + j) * d;
#ifdef DRS_BF16_ATTENTION
      if (tiles) {
        tile_head(packed, out, h * d);
      } else {
        attend_head(packed, out, h * d);
      }
#endif
      if (after_head) after_head();
    }
  }
  const auto out = merged.permute({0, 2, 1, 3});
  return q.scalar_type() == at::kFloat ? out : out.to(q.scalar_type());
}

}  // namespace drs
