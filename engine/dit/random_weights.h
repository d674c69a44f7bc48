// Random DiT weights under the official names and shapes (deterministic for a seed):
// the demo model set and the real-size benchmark use them.
#pragma once

#include <cstdint>

#include "dit/dit_config.h"
#include "weights/weight_map.h"

namespace drs {

WeightMap random_dit_weights(const DitConfig& config, std::uint64_t seed);

}  // namespace drs
