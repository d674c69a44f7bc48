// Our own BERT-like exports (four depths/widths, opsets 11/13/14/17, different graph forms)
// through the interpreter, against torch's own forward output of the exported module.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "onnx/graph_runner.h"
#include "onnx/onnx_test_models.h"
#include "onnx/polyphone_model.h"

namespace {

namespace fs = std::filesystem;
using drs::test::onnx_test_models;

constexpr const char* kExports[] = {"l1_h16", "l3_h48", "l2_h32_opset11", "l2_h24_buffers"};
// float32 through a few layers of LayerNorm; logits are O(10).
constexpr double kTolerance = 2e-4;

nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

at::Tensor ids_tensor(const nlohmann::json& rows, at::ScalarType type) {
  std::vector<std::int64_t> flat;
  for (const auto& row : rows)
    for (const auto& id : row) flat.push_back(id.get<std::int64_t>());
  const auto batch = static_cast<std::int64_t>(rows.size());
  return at::tensor(flat, at::kLong).reshape({batch, -1}).to(type);
}

class BertExports : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (onnx_test_models().empty()) GTEST_SKIP() << "needs /usr/bin/python3 with torch and onnx";
  }
};

TEST_P(BertExports, LogitsMatchTorchsForward) {
  const auto dir = onnx_test_models();
  const auto spec = read_json(dir / (std::string(GetParam()) + ".json"));
  const auto model = dir / (std::string(GetParam()) + ".onnx");
  const auto classes = spec["config"]["classes"].get<std::size_t>();
  const auto scorer = drs::onnx::load_polyphone_scorer(model);
  EXPECT_EQ(scorer->num_classes(), static_cast<int>(classes));
  const auto runner = drs::onnx::GraphRunner::load(model);

  drs::test::LogitComparison total;
  std::size_t cases = 0;
  for (const auto& c : spec["cases"]) {
    const auto expected = c["logits"].get<std::vector<float>>();
    std::vector<float> ours;
    if (c["input_ids"].size() == 1) {  // batch 1: through the PolyphoneScorer interface
      const auto ids = c["input_ids"][0].get<std::vector<std::int32_t>>();
      ours = scorer->logits(ids);
    } else {  // a batch: through the runner
      const auto type =
          runner.inputs()[0].type == drs::onnx::DataType::Int32 ? at::kInt : at::kLong;
      const auto out = runner.run({ids_tensor(c["input_ids"], type)})[0].contiguous();
      EXPECT_EQ(std::vector<std::int64_t>(out.sizes().begin(), out.sizes().end()),
                c["shape"].get<std::vector<std::int64_t>>());
      ours.assign(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
    }
    const auto cmp = drs::test::compare_logits(ours, expected, classes);
    total.max_abs_err = std::max(total.max_abs_err, cmp.max_abs_err);
    total.rows += cmp.rows;
    total.same_argmax += cmp.same_argmax;
    ++cases;
  }
  std::printf("export %s (opset %lld, ops %zu): %zu cases, max |logit err| %.3g, argmax %zu/%zu\n",
              GetParam(), static_cast<long long>(runner.opset()), runner.op_types().size(), cases,
              total.max_abs_err, total.same_argmax, total.rows);
  EXPECT_LE(total.max_abs_err, kTolerance);
  EXPECT_EQ(total.same_argmax, total.rows);
}

TEST_P(BertExports, ATooLongQueryNamesTheFailingNode) {
  const auto dir = onnx_test_models();
  const auto spec = read_json(dir / (std::string(GetParam()) + ".json"));
  const auto model = dir / (std::string(GetParam()) + ".onnx");
  const auto scorer = drs::onnx::load_polyphone_scorer(model);
  std::vector<std::int32_t> ids(spec["config"]["max_positions"].get<std::size_t>() + 1, 1);
  ids[0] = 101;
  try {
    (void)scorer->logits(ids);
    FAIL() << "a query longer than the position table ran";
  } catch (const drs::Error& e) {
    std::printf("too long: %s\n", e.what());
    EXPECT_EQ(e.kind(), drs::ErrorKind::BadInput);
    EXPECT_NE(std::string(e.what()).find(model.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("node '"), std::string::npos) << e.what();
  }
  // The scorer still answers afterwards.
  const std::int32_t ok[] = {101, 7, 8};
  EXPECT_EQ(scorer->logits(ok).size(), 2 * static_cast<std::size_t>(scorer->num_classes()));
}

INSTANTIATE_TEST_SUITE_P(Onnx, BertExports, ::testing::ValuesIn(kExports));

}  // namespace
