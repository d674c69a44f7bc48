// Golden test: Euler + classifier-free guidance over the whole trajectory, for every
// kind=cfm_sample fixture (its "model" names the dit_forward fixture with the weights).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

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

SamplerCase load_case(const drs::test::Fixture& fx, const std::vector<drs::test::Fixture>& models) {
  const auto model_name = fx.json.at("model").get<std::string>();
  const drs::test::Fixture* model = nullptr;
  for (const auto& m : models)
    if (m.name() == model_name) model = &m;
  if (model == nullptr) throw std::runtime_error(fx.name() + " names unknown model " + model_name);
  SamplerCase c{
      fx.name(),
      drs::DitConfig::from_json(model->json.at("config"), fx.json.at("max_frames").get<int64_t>()),
      model->dir() / model->json.at("weights").get<std::string>(),
      {},
      {fx.json.at("steps").get<int>(), fx.json.at("cfg_strength").get<float>(), std::nullopt},
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
  for (const auto& fx : samples) cases.push_back(load_case(fx, models));
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

}  // namespace
