// Golden test: Euler + classifier-free guidance over the whole trajectory, for every
// kind=cfm_sample fixture (its "model" names the dit_forward fixture with the weights).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <utility>

#include "sampler/cfm_sampler.h"
#include "support/reference.h"
#include "weights/safetensors.h"

namespace {

struct SamplerCase {
  std::string name;
  drs::DitConfig config;
  std::filesystem::path weights;
  drs::SampleInputs in;
  drs::SamplingSettings settings;
  drs::SafetensorsFile io;
};

// The dit_forward fixture a cfm_sample names ("dit_base_tiny" or "dit_base_tiny.json"),
// preferring one in the sample's own folder: another set may reuse the name.
const drs::test::Fixture* find_model(const drs::test::Fixture& fx,
                                     const std::vector<drs::test::Fixture>& models) {
  auto name = fx.json.at("model").get<std::string>();
  if (name.size() > 5 && name.ends_with(".json")) name.resize(name.size() - 5);
  const drs::test::Fixture* found = nullptr;
  for (const auto& m : models) {
    if (m.name() != name) continue;
    if (m.dir() == fx.dir()) return &m;
    if (found == nullptr) found = &m;
  }
  return found;
}

// max_frames and cfg_strength are not in the schema's field list: the sample's own value,
// else the model fixture's (config or top level), else the official defaults.
int64_t max_frames_of(const drs::test::Fixture& fx, const drs::test::Fixture& model) {
  if (fx.json.contains("max_frames")) return fx.json.at("max_frames").get<int64_t>();
  if (model.json.at("config").contains("max_frames"))
    return model.json.at("config").at("max_frames").get<int64_t>();
  return model.json.value("max_frames", int64_t{2048});
}

std::optional<SamplerCase> load_case(const drs::test::Fixture& fx,
                                     const std::vector<drs::test::Fixture>& models) {
  const drs::test::Fixture* model = find_model(fx, models);
  if (model == nullptr) {
    ADD_FAILURE() << fx.name() << " names unknown model " << fx.json.at("model").dump();
    return std::nullopt;
  }
  SamplerCase c{fx.name(),
                drs::DitConfig::from_json(model->json.at("config"), max_frames_of(fx, *model)),
                model->dir() / model->json.at("weights").get<std::string>(),
                {},
                {fx.json.at("steps").get<int>(), fx.json.value("cfg_strength", 4.0f), std::nullopt},
                drs::SafetensorsFile::open(fx.dir() / fx.json.at("io").get<std::string>())};
  c.in.y0 = c.io.tensor("input.y0");
  c.in.cond = c.io.tensor("input.cond");
  c.in.text = c.io.tensor("input.text");
  c.in.style = c.io.tensor("input.style_prompt");
  c.in.negative_style = c.io.tensor("input.negative_style_prompt");
  c.in.start_time = c.io.tensor("input.start_time");
  c.in.song_duration = c.io.tensor("input.song_duration");
  for (const auto& s : fx.json.at("latent_pred_segments"))
    c.in.segments.emplace_back(s.at(0), s.at(1));
  return c;
}

std::vector<SamplerCase> all_cases() {
  const auto samples = drs::test::find_fixtures("cfm_sample");
  const auto models = drs::test::find_fixtures("dit_forward");
  std::vector<SamplerCase> cases;
  for (const auto& fx : samples)
    if (auto c = load_case(fx, models)) cases.push_back(std::move(*c));
  return cases;
}

TEST(SamplerGolden, TrajectoryAndLatentMatchTheOfficialSampler) {
  const auto cases = all_cases();
  ASSERT_FALSE(cases.empty()) << "no kind=cfm_sample fixture under " << drs::test::reference_dir();
  for (const auto& c : cases) {
    auto weights = drs::load_weight_map(c.weights);
    const drs::DiT dit(c.config, weights,
                       at::TensorOptions().dtype(at::kFloat).device(drs::test::test_device()));
    int steps_reported = 0;
    drs::SamplerProgress progress;
    progress.on_step = [&](int step, int steps, double) {
      EXPECT_EQ(step, ++steps_reported);
      EXPECT_EQ(steps, c.settings.steps());
    };
    at::Tensor trajectory;
    auto latent = drs::sample(dit, c.in, c.settings, progress, {}, &trajectory);
    latent = latent.to(at::kCPU);
    trajectory = trajectory.to(at::kCPU);
    EXPECT_EQ(steps_reported, c.settings.steps());
    const auto want_traj = c.io.tensor("output.trajectory");
    const auto want = c.io.tensor("output.latent");
    ASSERT_EQ(trajectory.sizes(), want_traj.sizes());
    const double traj_err = (trajectory - want_traj).abs().max().item<double>();
    const double err = (latent - want).abs().max().item<double>();
    const double ref = want.abs().max().item<double>();
    std::printf(
        "%s (%s): latent max_abs_err %.3g (max|ref| %.3g, tol %.3g), trajectory max_abs_err "
        "%.3g\n",
        c.name.c_str(), drs::test::test_device().c_str(), err, ref, 2e-3 * (1 + ref), traj_err);
    EXPECT_LE(err, 2e-3 * (1 + ref));
    EXPECT_LE(traj_err, 2e-3 * (1 + want_traj.abs().max().item<double>()));
  }
}

// The bfloat16 CPU path (picked automatically on CPUs with native bf16): how far its
// final latent lies from the official float32 one. Bounded loosely (bf16 keeps ~3
// significant digits per operation); the figure is printed for the README.
TEST(SamplerGolden, BFloat16LatentStaysCloseToTheOfficialFloat32) {
  for (const auto& c : all_cases()) {
    auto weights = drs::load_weight_map(c.weights);
    const drs::DiT dit(c.config, weights, at::kBFloat16);
    const auto latent = drs::sample(dit, c.in, c.settings, {}, {}).to(at::kFloat);
    const auto want = c.io.tensor("output.latent");
    const double relative_l2 = ((latent - want).norm() / want.norm()).item<double>();
    std::printf("%s: bfloat16 latent relative L2 deviation %.3g\n", c.name.c_str(), relative_l2);
    EXPECT_LT(relative_l2, 0.05);
  }
}

// Guidance on the first half of the trajectory only (a labelled cost cutter): up to the
// cutoff the trajectory is the official one; each later step is a plain Euler step on
// the conditional velocity alone. The final latent's deviation is printed for the README.
TEST(SamplerGolden, PartialGuidanceIsOfficialUntilTheCutoffThenConditionalOnly) {
  for (const auto& c : all_cases()) {
    auto weights = drs::load_weight_map(c.weights);
    const drs::DiT dit(c.config, weights, at::kFloat);
    auto settings = c.settings;
    settings.guidance_until = 0.5f;
    const auto grid = settings.grid();
    if (settings.steps() < 2) {
      std::printf("sampler %s: %d step(s), no partial guidance to test\n", c.name.c_str(),
                  settings.steps());
      continue;
    }
    int first_unguided = 0;
    while (first_unguided < settings.steps() && settings.guided_step(first_unguided))
      ++first_unguided;
    ASSERT_GT(first_unguided, 0);
    ASSERT_LT(first_unguided, settings.steps());
    EXPECT_GE(grid[static_cast<std::size_t>(first_unguided)], 0.5);
    EXPECT_EQ(settings.forward_passes(), settings.steps() + first_unguided);

    at::Tensor trajectory;
    const auto latent = drs::sample(dit, c.in, settings, {}, {}, &trajectory);
    const auto official = c.io.tensor("output.trajectory");
    const double scale = 2e-3 * (1 + official.abs().max().item<double>());
    for (int k = 0; k <= first_unguided; ++k)
      EXPECT_LE((trajectory[k] - official[k]).abs().max().item<double>(), scale) << "point " << k;

    // One unguided step recomputed by hand: y + v_cond(y, t) * dt at batch 1.
    const int k = first_unguided;
    drs::DitInputs in;
    in.cond = c.in.cond.narrow(1, 0, c.in.y0.size(1));
    in.text = c.in.text;
    in.style = c.in.style;
    in.start_time = c.in.start_time;
    in.duration = c.in.song_duration;
    const auto time_grid = drs::time_grid(settings, at::kFloat);
    const double t0 = time_grid[k].item<double>(), t1 = time_grid[k + 1].item<double>();
    if (c.in.segments.size() == 1 && c.in.segments[0].first == 0 &&
        c.in.segments[0].second >= c.in.y0.size(1)) {  // plain generation: no edit mask
      in.cond = at::zeros_like(in.cond);
      const auto v = dit.forward(trajectory[k], at::full({1}, t0), in);
      const auto expected = trajectory[k] + v * (t1 - t0);
      EXPECT_LE((trajectory[k + 1] - expected).abs().max().item<double>(), 1e-5);
    }
    EXPECT_GT((trajectory[k + 1] - official[k + 1]).abs().max().item<double>(), scale);

    const auto want = c.io.tensor("output.latent");
    const double relative_l2 = ((latent - want).norm() / want.norm()).item<double>();
    std::printf("%s: guidance until t = 0.5 (%d of %d forwards): latent relative L2 %.3g\n",
                c.name.c_str(), settings.forward_passes(), c.settings.forward_passes(),
                relative_l2);
    EXPECT_TRUE(std::isfinite(relative_l2));
  }
}

}  // namespace
