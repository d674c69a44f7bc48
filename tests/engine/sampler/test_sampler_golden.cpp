// Golden test: Euler + classifier-free guidance over the whole trajectory, for every
// kind=cfm_sample fixture (its "model" names the dit_forward fixture with the weights).
#include <gtest/gtest.h>

#include <cstdio>

#include "sampler/cfm_sampler.h"
#include "support/reference.h"
#include "weights/safetensors.h"

namespace {

TEST(SamplerGolden, TrajectoryAndLatentMatchTheOfficialSampler) {
  const auto samples = drs::test::find_fixtures("cfm_sample");
  ASSERT_FALSE(samples.empty()) << "no kind=cfm_sample fixture under "
                                << drs::test::reference_dir();
  const auto models = drs::test::find_fixtures("dit_forward");
  for (const auto& fx : samples) {
    const auto model_name = fx.json.at("model").get<std::string>();
    const drs::test::Fixture* model = nullptr;
    for (const auto& m : models)
      if (m.name() == model_name) model = &m;
    ASSERT_NE(model, nullptr) << fx.name() << " names unknown model " << model_name;
    const auto config = drs::DitConfig::from_json(model->json.at("config"),
                                                  fx.json.at("max_frames").get<int64_t>());
    auto weights =
        drs::load_weight_map(model->dir() / model->json.at("weights").get<std::string>());
    const drs::DiT dit(config, weights, at::kFloat);
    const auto io = drs::SafetensorsFile::open(fx.dir() / fx.json.at("io").get<std::string>());
    drs::SampleInputs in;
    in.y0 = io.tensor("input.y0");
    in.cond = io.tensor("input.cond");
    in.text = io.tensor("input.text");
    in.style = io.tensor("input.style_prompt");
    in.negative_style = io.tensor("input.negative_style_prompt");
    in.start_time = io.tensor("input.start_time");
    in.song_duration = io.tensor("input.song_duration");
    for (const auto& s : fx.json.at("latent_pred_segments"))
      in.segments.emplace_back(s.at(0), s.at(1));
    drs::SamplingSettings settings{fx.json.at("steps").get<int>(),
                                   fx.json.at("cfg_strength").get<float>(), std::nullopt};
    int steps_reported = 0;
    drs::SamplerProgress progress;
    progress.on_step = [&](int step, int steps, double) {
      EXPECT_EQ(step, ++steps_reported);
      EXPECT_EQ(steps, settings.steps());
    };
    at::Tensor trajectory;
    const auto latent = drs::sample(dit, in, settings, progress, {}, &trajectory);
    EXPECT_EQ(steps_reported, settings.steps());
    const auto want_traj = io.tensor("output.trajectory");
    const auto want = io.tensor("output.latent");
    ASSERT_EQ(trajectory.sizes(), want_traj.sizes());
    const double traj_err = (trajectory - want_traj).abs().max().item<double>();
    const double err = (latent - want).abs().max().item<double>();
    const double ref = want.abs().max().item<double>();
    std::printf(
        "%s: latent max_abs_err %.3g (max|ref| %.3g, tol %.3g), trajectory max_abs_err %.3g\n",
        fx.name().c_str(), err, ref, 2e-3 * (1 + ref), traj_err);
    EXPECT_LE(err, 2e-3 * (1 + ref));
    EXPECT_LE(traj_err, 2e-3 * (1 + want_traj.abs().max().item<double>()));
  }
}

}  // namespace
