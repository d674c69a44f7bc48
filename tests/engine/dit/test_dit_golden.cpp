// Golden tests: DiT forward (both passes, intermediates) against the official code,
// for every kind=dit_forward fixture; sizes and modes come from the fixture.
#include <gtest/gtest.h>

#include <cstdio>

#include "dit/dit_config.h"
#include "dit/dit_model.h"
#include "support/reference.h"
#include "weights/safetensors.h"
#include "weights/weight_map.h"

namespace {

void check(const std::string& what, const at::Tensor& got, const at::Tensor& want) {
  ASSERT_EQ(got.sizes(), want.sizes()) << what;
  const double err = (got.to(at::kCPU) - want).abs().max().item<double>();
  const double ref = want.abs().max().item<double>();
  const double tol = 1e-4 * (1 + ref);
  std::printf("  %-24s max_abs_err %.3g  (max|ref| %.3g, tol %.3g)\n", what.c_str(), err, ref, tol);
  EXPECT_LE(err, tol) << what;
}

TEST(DitGolden, ForwardAndIntermediatesMatchTheOfficialCode) {
  const auto fixtures = drs::test::find_fixtures("dit_forward");
  ASSERT_FALSE(fixtures.empty()) << "no kind=dit_forward fixture under "
                                 << drs::test::reference_dir();
  for (const auto& fx : fixtures) {
    std::printf("fixture %s (device %s)\n", fx.name().c_str(), drs::test::test_device().c_str());
    // max_frames: in `config` per the README, at the top level in the fixtures made so far.
    const auto& cfg = fx.json.at("config");
    const auto max_frames = cfg.contains("max_frames") ? cfg.at("max_frames").get<int64_t>()
                                                       : fx.json.at("max_frames").get<int64_t>();
    const auto config = drs::DitConfig::from_json(cfg, max_frames);
    auto weights = drs::load_weight_map(fx.dir() / fx.json.at("weights").get<std::string>());
    const drs::DiT dit(config, weights,
                       at::TensorOptions().dtype(at::kFloat).device(drs::test::test_device()));
    EXPECT_NO_THROW(weights.finish());  // strict: no tensor left unbound
    const auto io = drs::SafetensorsFile::open(fx.dir() / fx.json.at("io").get<std::string>());
    const auto in = [&](const char* name) { return io.tensor(std::string("input.") + name); };
    // input.duration is used only by the 6144-frame model and may be absent otherwise.
    const bool has_duration = io.contains("input.duration");
    if (!has_duration) {
      ASSERT_FALSE(config.has_duration_embed()) << fx.name() << ": no input.duration";
    }
    for (const bool uncond : {false, true}) {
      drs::DitInputs inputs{in("cond"),
                            in("text"),
                            uncond ? in("negative_style_prompt") : in("style_prompt"),
                            in("start_time"),
                            has_duration ? in("duration") : at::Tensor(),
                            uncond,
                            uncond};
      drs::DiT::Trace trace;
      const auto out = dit.forward_traced(in("x"), in("time"), inputs, trace);
      const std::string pass = uncond ? "uncond" : "cond";
      check("out_" + pass, out, io.tensor("output.out_" + pass));
      check("text_embed_" + pass, trace.text_embed, io.tensor("output.text_embed_" + pass));
      check("input_embed_" + pass, trace.input_embed, io.tensor("output.input_embed_" + pass));
      check("block0_" + pass, trace.block0, io.tensor("output.block0_" + pass));
      // The batched cached path the sampler uses gives the same velocity.
      const auto cached = dit.velocity(in("x"), in("time"), dit.precompute(inputs));
      EXPECT_LE((cached - out).abs().max().item<double>(), 1e-5);
    }
  }
}

}  // namespace
