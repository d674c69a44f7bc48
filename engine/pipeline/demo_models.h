// The demo model set: tiny networks with deterministic random weights in exactly the
// formats and tensor names of the official files (DiT safetensors + config.json, a
// TorchScript VAE, MuQ-MuLan text tower + tokenizer + configs) and a manifest marking
// it as a demo. It exercises the whole pipeline and produces noise, never music.
#pragma once

#include <filesystem>

namespace drs {

enum class DemoDit {
  Tiny,          // dim 64, depth 2: fast anywhere (the default demo set)
  RealSize,      // the released DiT's size (dim 2048, depth 16; fp16 on disk like the
                 // official file): for measuring time and memory, still noise
  RealSizeFull,  // the same as the full model (6144 frames, 96-285 s songs)
};

// The style encoder's size: tiny, or the released text tower's (XLM-R base, 12 x 768,
// 250 002-entry embedding table, 8-layer MuLan head; float32 on disk, 1.3 GB). The
// tokenizer stays the demo's small one: its ids are a subset of the table.
enum class DemoStyle { Tiny, RealSize };

// Writes the set into `dir` (created; files replaced atomically, manifest last).
void write_demo_model_set(const std::filesystem::path& dir, DemoDit dit = DemoDit::Tiny,
                          DemoStyle style = DemoStyle::Tiny);

}  // namespace drs
