// drs-bench --deviation: what each cost cutter saves and how far its final latent lies
// from the exact one (the official best settings in float32), on the same noise and
// inputs: whole sampler runs, relative L2 = |ours - exact| / |exact|.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "bench_options.h"
#include "weights/weight_map.h"

namespace drs::bench {

// Random inputs at opt.deviation_seq frames on `weights` (the bench's DiT weights).
nlohmann::json deviation_on_random_inputs(const Options& opt, const WeightMap& weights);

// The same comparison on a kind=cfm_sample fixture (the official inputs and weights).
nlohmann::json deviation_on_fixture(const Options& opt, const std::filesystem::path& fixture_json);

// Prints the result of either as a table.
void print_deviation(const nlohmann::json& result);

}  // namespace drs::bench
