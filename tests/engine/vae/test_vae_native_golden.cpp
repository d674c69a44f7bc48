// Golden tests of the native Oobleck VAE: the kind=vae_torchscript fixtures' expected
// decode/encode outputs (plain), and the TorchScript graph of the same file run through
// the same official chunking (chunked), for weights from the archive, the
// weight-normalised state dict and the folded one.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <set>
#include <string>

#include "models/torchscript_archive.h"
#include "oobleck_fixture.h"
#include "vae/torchscript_vae.h"
#include "vae/vae.h"
#include "weights/safetensors.h"

namespace {

constexpr double kDecodeTolerance = drs::test::kOobleckDecodeTolerance;
constexpr double kEncodeTolerance = drs::test::kOobleckEncodeTolerance;

void expect_close(const std::string& what, const at::Tensor& got, const at::Tensor& want,
                  double tol) {
  ASSERT_EQ(got.sizes(), want.sizes()) << what;
  const double err = (got - want).abs().max().item<double>();
  std::printf("  %-58s native max_abs_err %.3g (max|ref| %.3g, tol %.0e)\n", what.c_str(), err,
              want.abs().max().item<double>(), tol);
  EXPECT_LE(err, tol) << what;
}

drs::Vae open_native(const drs::test::WeightSource& source) {
  drs::Vae vae(source.file, at::kCPU);
  EXPECT_EQ(vae.backend_name(), "native Oobleck") << source.file;
  return vae;
}

// Plain: every decode*/encode* group of the fixture's io file.
void check_plain(const drs::test::Fixture& fx, const std::string& label, const drs::Vae& vae) {
  const int checked = drs::test::check_oobleck_io(
      fx, vae,
      [&](const std::string& g, const at::Tensor& got, const at::Tensor& want, double tol) {
        expect_close(label + " " + g + " plain", got, want, tol);
      });
  EXPECT_GT(checked, 0);
}

struct ChunkedReference {
  at::Tensor latents, decoded, audio, encoded;
};

// 230 frames: two regular chunks and one flush with the end, so every paste rule runs.
ChunkedReference torchscript_chunked(const drs::test::Fixture& fx, const drs::ChunkParams& params) {
  const auto shape = drs::test::oobleck_shape(fx);
  const drs::Vae graph(
      std::make_unique<drs::TorchScriptVae>(drs::test::oobleck_graph(fx), at::kCPU, shape),
      at::kCPU);
  EXPECT_EQ(graph.backend_name(), "TorchScript");
  const auto generator = at::make_generator<at::CPUGeneratorImpl>(20261202);
  ChunkedReference ref;
  const int64_t frames = 230;
  ref.latents = at::randn({1, shape.latent_channels, frames}, generator);
  ref.audio = 0.1 * at::randn({1, shape.audio_channels, frames * shape.hop}, generator);
  ref.decoded = graph.decode_chunked(ref.latents, params);
  ref.encoded = graph.encode_chunked(ref.audio, params);
  return ref;
}

TEST(VaeNativeGolden, OobleckDecodeEncodePlainAndChunked) {
  const auto fixtures = drs::test::find_fixtures("vae_torchscript");
  ASSERT_FALSE(fixtures.empty()) << "no kind=vae_torchscript fixture under "
                                 << drs::test::reference_dir();
  const drs::ChunkParams params;  // the official 128 / 32
  for (const auto& fx : fixtures) {
    std::printf("fixture %s\n", fx.json_path.string().c_str());
    const auto ref = torchscript_chunked(fx, params);
    for (const auto& source : drs::test::oobleck_weight_sources(fx)) {
      const auto vae = open_native(source);
      const auto label = fx.name() + " " + source.name;
      check_plain(fx, label, vae);
      int chunks = 0;
      expect_close(label + " decode chunked vs TorchScript chunked",
                   vae.decode_chunked(ref.latents, params, [&](int, int n) { chunks = n; }),
                   ref.decoded, kDecodeTolerance);
      EXPECT_EQ(chunks, 3);
      expect_close(label + " encode chunked vs TorchScript chunked",
                   vae.encode_chunked(ref.audio, params), ref.encoded, kEncodeTolerance);
    }
  }
}

// bfloat16 (what drs-bench --vae times where it is native): the whole decoder in bf16
// stays near the float32 reference; LibTorch 1.13's own CPU conv_transpose1d would give
// a wrong-length output in bf16 (it runs a strided ordinary convolution).
TEST(VaeNativeGolden, OobleckDecodeInBfloat16StaysClose) {
  for (const auto& fx : drs::test::find_fixtures("vae_torchscript")) {
    auto weights = drs::models::read_torchscript_weights(drs::test::oobleck_graph(fx)).weights;
    const drs::Vae vae(weights, at::TensorOptions().dtype(at::kBFloat16));
    const auto io = drs::SafetensorsFile::open(fx.dir() / fx.json.at("io").get<std::string>());
    const auto want = io.tensor("decode.audio");
    const auto got = vae.decode(io.tensor("decode.latents"));
    ASSERT_EQ(got.sizes(), want.sizes());
    const double relative = (got - want).norm().item<double>() / want.norm().item<double>();
    std::printf("  %s decode bf16 native relative L2 err %.3g\n", fx.name().c_str(), relative);
    EXPECT_LE(relative, 0.05);
  }
}

}  // namespace
