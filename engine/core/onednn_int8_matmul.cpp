#include "core/onednn_int8_matmul.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <vector>

namespace drs {
namespace {

using dt = dnnl::memory::data_type;
using tag = dnnl::memory::format_tag;

const dnnl::engine& cpu_engine() {
  static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

dnnl::matmul::primitive_desc describe(std::int64_t rows, std::int64_t in, std::int64_t out,
                                      const dnnl::memory::desc& weight,
                                      const std::vector<float>& scales) {
  dnnl::primitive_attr attr;
  // Per output column (mask bit 1), known now: oneDNN 2.x chooses its block kernels
  // only for scales it can bake into the generated code.
  attr.set_output_scales(1 << 1, scales);
  const dnnl::memory::desc src({rows, in}, dt::s8, tag::ab);
  const dnnl::memory::desc dst({rows, out}, dt::f32, tag::ab);
  return {dnnl::matmul::desc(src, weight, dst), attr, cpu_engine()};
}

}  // namespace

struct OnednnInt8Matmul::State {
  std::int64_t in = 0, out = 0;
  std::vector<float> scales;
  dnnl::memory::desc weight_desc;
  dnnl::memory weight;  // in the layout the kernels read
};

struct OnednnInt8Matmul::Primitive {
  dnnl::matmul::primitive_desc desc;
  dnnl::matmul matmul;
};

OnednnInt8Matmul::OnednnInt8Matmul(std::span<const std::int8_t> weight,
                                   std::span<const float> scales, std::int64_t out_features,
                                   std::int64_t in_features)
    : state_(std::make_unique<State>()) {
  auto& s = *state_;
  s.in = in_features, s.out = out_features;
  s.scales.assign(scales.begin(), scales.end());
  // The layout is the same for every row count; ask for it with a typical one.
  const dnnl::memory::desc any({in_features, out_features}, dt::s8, tag::any);
  s.weight_desc = describe(1024, in_features, out_features, any, s.scales).weights_desc();
  // [out, in] row-major is the [in, out] matrix in column-major ("ba") order.
  const dnnl::memory::desc plain({in_features, out_features}, dt::s8, tag::ba);
  dnnl::memory source(plain, cpu_engine(), const_cast<std::int8_t*>(weight.data()));
  s.weight = dnnl::memory(s.weight_desc, cpu_engine());
  dnnl::stream stream(cpu_engine());
  dnnl::reorder(source, s.weight).execute(stream, source, s.weight);
  stream.wait();
}

OnednnInt8Matmul::~OnednnInt8Matmul() = default;

bool OnednnInt8Matmul::has_dot_products() {
  // The effective ISA honours ONEDNN_MAX_CPU_ISA, so a capped run is judged by what it runs.
  const auto isa = static_cast<unsigned>(dnnl::get_effective_cpu_isa());
  const auto includes = [isa](dnnl_cpu_isa_t set) {
    return (isa & static_cast<unsigned>(set)) == static_cast<unsigned>(set);
  };
  return includes(dnnl_cpu_isa_avx512_core_vnni) || includes(dnnl_cpu_isa_avx2_vnni);
}

const OnednnInt8Matmul::Primitive& OnednnInt8Matmul::primitive_for(std::int64_t rows) const {
  const std::scoped_lock lock(mutex_);
  auto& slot = by_rows_[rows];
  if (!slot) {
    auto desc = describe(rows, state_->in, state_->out, state_->weight_desc, state_->scales);
    dnnl::matmul matmul(desc);
    slot = std::make_unique<Primitive>(Primitive{std::move(desc), std::move(matmul)});
  }
  return *slot;
}

void OnednnInt8Matmul::run(const std::int8_t* src, std::int64_t rows, float* dst) const {
  if (rows == 0) return;
  const auto& p = primitive_for(rows);
  dnnl::memory a(p.desc.src_desc(), cpu_engine(), const_cast<std::int8_t*>(src));
  dnnl::memory c(p.desc.dst_desc(), cpu_engine(), dst);
  dnnl::stream stream(cpu_engine());
  p.matmul.execute(stream,
                   {{DNNL_ARG_SRC, a}, {DNNL_ARG_WEIGHTS, state_->weight}, {DNNL_ARG_DST, c}});
  stream.wait();
}

std::string OnednnInt8Matmul::implementation(std::int64_t rows) const {
  return primitive_for(rows).desc.impl_info_str();
}

std::int64_t OnednnInt8Matmul::packed_bytes() const {
  return static_cast<std::int64_t>(state_->weight_desc.get_size());
}

}  // namespace drs
