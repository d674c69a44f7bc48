#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "drs/error.h"
#include "support/temp_dir.h"
#include "weights/safetensors.h"
#include "weights/weight_map.h"

namespace {

drs::WeightMap sample_map() {
  return drs::WeightMap({{"layer.weight", at::ones({4, 3})},
                         {"layer.bias", at::zeros({4})},
                         {"extra", at::ones({1})}},
                        "model.safetensors");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return {};
}

TEST(WeightMap, TakeConvertsDtype) {
  auto map = sample_map();
  const auto w = map.take("layer.weight", {4, 3}, at::TensorOptions().dtype(at::kDouble));
  EXPECT_EQ(w.scalar_type(), at::kDouble);
  EXPECT_TRUE(map.has("layer.bias"));
}

TEST(WeightMap, MissingTensorIsNamed) {
  auto map = sample_map();
  const auto message = error_of([&] { map.take("layer.gamma", {4}, at::kFloat); });
  EXPECT_NE(message.find("missing tensor 'layer.gamma'"), std::string::npos) << message;
  EXPECT_NE(message.find("model.safetensors"), std::string::npos) << message;
}

TEST(WeightMap, WrongShapeIsNamedWithBothShapes) {
  auto map = sample_map();
  const auto message = error_of([&] { map.take("layer.weight", {3, 4}, at::kFloat); });
  EXPECT_NE(message.find("'layer.weight' has shape [4, 3], expected [3, 4]"), std::string::npos)
      << message;
}

TEST(WeightMap, FinishListsUnexpectedTensors) {
  auto map = sample_map();
  map.take("layer.weight", {4, 3}, at::kFloat);
  map.take("layer.bias", {4}, at::kFloat);
  const auto message = error_of([&] { map.finish(); });
  EXPECT_NE(message.find("unexpected tensor 'extra'"), std::string::npos) << message;
  map.take("extra", {1}, at::kFloat);
  EXPECT_NO_THROW(map.finish());
}

}  // namespace

namespace {

// A converting take() hands the mapped file pages of its source back to the kernel;
// reading the source again must give the file's bytes (re-faulted), and tensors that
// live in ordinary memory must never be touched.
TEST(WeightMap, ConvertingTakeKeepsSourcesReadable) {
  const drs::test::TempDir dir("weight-map-pages");
  const auto path = dir / "pages.safetensors";
  const auto values = at::arange(64 * 1024, at::kFloat).reshape({64, 1024}).to(at::kHalf);
  drs::write_safetensors(path, {{"big", values}});
  {
    auto mapped = drs::load_weight_map(path);
    const auto bound = mapped.take("big", {64, 1024}, at::kFloat);
    EXPECT_TRUE(at::equal(bound, values.to(at::kFloat)));
    EXPECT_TRUE(at::equal(mapped.all().at("big"), values));  // pages came back from the file
  }

  auto in_memory = drs::WeightMap({{"w", at::full({256, 1024}, 3.0)}}, "memory");
  (void)in_memory.take("w", {256, 1024}, at::kHalf);
  EXPECT_TRUE(at::equal(in_memory.all().at("w"), at::full({256, 1024}, 3.0)));
}

}  // namespace
