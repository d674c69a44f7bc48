// Command-line options of drs-bench.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include "dit/bf16_attention.h"
#include "dit/dit_config.h"
#include "dit/stored_weight.h"

namespace drs::bench {

struct Options {
  DitConfig config;  // real size by default
  std::vector<int64_t> seq_lengths{256, 1024, 2048};
  at::ScalarType dtype = at::kFloat;
  at::Device device = at::kCPU;
  int threads = 0;
  int warmup = 1;
  int repeats = 3;
  bool json = false;
  bool measure_load = true;
  bool measure_step = true;  // one full sampler step at the longest sequence
  bool heap_reuse = true;    // keep_freed_memory_for_reuse(), as the engine does
  // Compact: float16 block matrices widened per block (engine default); Compute: widened
  // at load (--full-weights); Int8: quantised block matrices (--dtype int8).
  WeightResidency residency = WeightResidency::Compact;
  // The CPU attention kernel of bf16 and int8 runs (the engine's choice by default).
  CpuAttention attention_kernel = CpuAttention::Fastest;
  // --deviation: run whole sampler trajectories per cost cutter and compare final latents.
  bool deviation = false;
  int64_t deviation_seq = 256;
  std::filesystem::path deviation_fixture;  // a kind=cfm_sample JSON: also (or only) there
  // Real-size VAE decode timing: a TorchScript Oobleck graph widened from vae_base channels.
  std::filesystem::path vae_graph;
  int64_t vae_base = 0;
  // --vae: the native Oobleck decoder at the released size (random weights), a whole
  // song chunked as the official code, instead of the DiT; with --small a toy width.
  bool vae = false;
  bool vae_small = false;
  int64_t vae_frames = 2048;  // 95 s song; --small: 300 (three chunks)
  int vae_repeats = 1;        // a released-size song takes minutes on a laptop CPU
  // --attention: the attention kernels alone, per head, at the sequence lengths.
  bool attention = false;
  // --swiglu: the int8 MLP's element-wise work, LibTorch passes against the fused kernel.
  bool swiglu = false;
};

// Throws std::invalid_argument with a usage message on bad arguments.
Options parse_options(int argc, char** argv);

}  // namespace drs::bench
