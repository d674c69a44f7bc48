// Deterministic random weights for MuQ-MuLan's audio tower under the official names and
// shapes, for the demo model set and the released-size benchmark. Scaled so that
// activations stay in a sane range through any depth (pre-norm residuals, unit norms,
// BatchNorm statistics near the identity); the embeddings mean nothing.
#pragma once

#include <cstdint>

#include "mulan/audio_tower_config.h"
#include "weights/weight_map.h"

namespace drs {

WeightMap random_audio_tower_weights(const AudioTowerConfig& config, std::uint64_t seed);

}  // namespace drs
