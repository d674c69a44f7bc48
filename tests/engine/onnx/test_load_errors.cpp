// What the loader refuses, and how it says so: the op, the node and the file for an
// unsupported op; the interface for a model that is not a polyphone classifier; the file
// for a damaged or missing one. Never a crash.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "drs/error.h"
#include "onnx/onnx_model.h"
#include "onnx/onnx_test_models.h"
#include "onnx/polyphone_model.h"

namespace {

namespace fs = std::filesystem;
using drs::test::onnx_test_models;

// The load error for `file` (fails the test when it loads).
drs::Error load_error(const fs::path& file) {
  try {
    (void)drs::onnx::load_polyphone_scorer(file);
  } catch (const drs::Error& e) {
    std::printf("%s: %s\n", file.filename().c_str(), e.what());
    return e;
  }
  ADD_FAILURE() << file << " loaded";
  return drs::Error(drs::ErrorKind::Internal, "");
}

bool mentions(const drs::Error& e, const std::string& text) {
  return std::string(e.what()).find(text) != std::string::npos;
}

class LoadErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    if (onnx_test_models().empty()) GTEST_SKIP() << "needs /usr/bin/python3 with torch and onnx";
  }
  static fs::path model(const char* name) {
    return onnx_test_models() / (std::string(name) + ".onnx");
  }
};

TEST_F(LoadErrors, TheHandMadeValidModelLoads) {
  const auto scorer = drs::onnx::load_polyphone_scorer(model("valid_tiny"));
  EXPECT_EQ(scorer->num_classes(), 3);
  const std::int32_t ids[] = {1, 2, 7};
  EXPECT_EQ(scorer->logits(ids), std::vector<float>(6, 0.5f));
}

TEST_F(LoadErrors, AnUnsupportedOpIsNamedWithItsNodeAndTheFile) {
  const auto e = load_error(model("unsupported_op"));
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_TRUE(mentions(e, model("unsupported_op").string())) << e.what();
  EXPECT_TRUE(mentions(e, "'CumSum' (node 'running_sum')")) << e.what();
  EXPECT_TRUE(mentions(e, "'Einsum' (node 'contract')")) << e.what();
}

TEST_F(LoadErrors, AModelWithAnotherInterfaceIsRefused) {
  for (const auto* name : {"float_input", "two_outputs", "rank2_output"}) {
    const auto e = load_error(model(name));
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt) << name;
    EXPECT_TRUE(mentions(e, "not a polyphone model")) << e.what();
    EXPECT_TRUE(mentions(e, model(name).string())) << e.what();
  }
}

TEST_F(LoadErrors, AModelThatCannotRunTheProbeQueryIsCorrupt) {
  const auto e = load_error(model("probe_fails"));
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_TRUE(mentions(e, "probe query")) << e.what();
  EXPECT_TRUE(mentions(e, "node 'embed' (Gather)")) << e.what();
}

TEST_F(LoadErrors, ExternalDataIsRefusedClearly) {
  const auto e = load_error(model("external_data"));
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_TRUE(mentions(e, "tensor 'table' keeps its data in an external file")) << e.what();
}

TEST_F(LoadErrors, EveryTruncationOfAnExportIsACorruptModel) {
  std::ifstream in(model("l1_h16"), std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(bytes.size(), 1000u);
  std::size_t refused = 0;
  for (std::size_t length = 0; length < bytes.size(); length += 1 + length / 7) {
    try {
      (void)drs::onnx::parse_model(std::span(bytes.data(), length), "cut.onnx");
      // A cut at a field boundary parses; the graph then lacks what the cut removed.
    } catch (const drs::Error& e) {
      EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt) << e.what();
      EXPECT_TRUE(mentions(e, "cut.onnx")) << e.what();
      ++refused;
    }
  }
  EXPECT_GT(refused, 0u);
  const auto cut = onnx_test_models() / "truncated.onnx";
  std::ofstream(cut, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size() / 2));
  const auto e = load_error(cut);
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_TRUE(mentions(e, "truncated")) << e.what();
}

TEST(OnnxLoad, AMissingFileIsModelMissing) {
  const auto e = load_error("/nonexistent/poly_bert_model.onnx");
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
  EXPECT_TRUE(mentions(e, "/nonexistent/poly_bert_model.onnx"));
}

TEST(OnnxLoad, BytesThatAreNoModelAreRefused) {
  const std::string text = "this is not an ONNX file\n";
  EXPECT_THROW((void)drs::onnx::parse_model(
                   std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), "x"),
               drs::Error);
  EXPECT_THROW((void)drs::onnx::parse_model({}, "empty.onnx"), drs::Error);
}

}  // namespace
