// One-node models where ONNX's semantics differ from Torch's or change with the opset
// (negative Slice steps and clamping, Gather's negative indices, Reshape's 0, Softmax
// before opset 13, axes as attributes vs inputs, integer Div/Mod, Range, Expand...),
// against numpy's results computed from the operator specification (make_op_models.py).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "onnx/graph_runner.h"
#include "onnx/onnx_test_models.h"

namespace {

at::ScalarType dtype_of(const std::string& name) {
  if (name == "float32") return at::kFloat;
  if (name == "int64") return at::kLong;
  if (name == "int32") return at::kInt;
  if (name == "bool") return at::kBool;
  throw std::runtime_error("dtype " + name);
}

at::Tensor tensor_of(const nlohmann::json& j) {
  const auto shape = j["shape"].get<std::vector<std::int64_t>>();
  const auto type = dtype_of(j["dtype"]);
  std::vector<double> values;
  for (const auto& v : j["data"])
    values.push_back(v.is_boolean() ? double(v.get<bool>()) : v.get<double>());
  if (type == at::kLong) {  // beyond double's 53 bits (Slice's "to the end" sentinels)
    std::vector<std::int64_t> ints;
    for (const auto& v : j["data"]) ints.push_back(v.get<std::int64_t>());
    return at::tensor(ints, at::kLong).reshape(shape);
  }
  return at::tensor(values, at::kDouble).reshape(shape).to(type);
}

TEST(OpSemantics, OneNodeModelsMatchNumpy) {
  const auto dir = drs::test::onnx_test_models();
  if (dir.empty()) GTEST_SKIP() << "needs /usr/bin/python3 with torch and onnx";
  std::ifstream in(dir / "ops.json");
  const auto cases = nlohmann::json::parse(in);
  ASSERT_GT(cases.size(), 40u);
  std::size_t passed = 0;
  for (const auto& c : cases) {
    const auto name = c["name"].get<std::string>();
    SCOPED_TRACE(name);
    std::vector<at::Tensor> inputs;
    for (const auto& i : c["inputs"]) inputs.push_back(tensor_of(i));
    std::vector<at::Tensor> outputs;
    try {
      outputs = drs::onnx::GraphRunner::load(c["model"].get<std::string>()).run(inputs);
    } catch (const drs::Error& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    ASSERT_EQ(outputs.size(), c["outputs"].size());
    bool ok = true;
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      const auto expected = tensor_of(c["outputs"][k]);
      const auto& got = outputs[k];
      EXPECT_EQ(got.scalar_type(), expected.scalar_type()) << "output " << k;
      EXPECT_EQ(got.sizes(), expected.sizes()) << "output " << k;
      if (got.scalar_type() != expected.scalar_type() || got.sizes() != expected.sizes()) {
        ok = false;
        continue;
      }
      const bool close = at::isFloatingType(got.scalar_type())
                             ? at::allclose(got, expected, 1e-5, 1e-6)
                             : at::equal(got, expected);
      EXPECT_TRUE(close) << "output " << k << ": got " << got << " expected " << expected;
      ok = ok && close;
    }
    passed += ok;
  }
  std::printf("op semantics: %zu/%zu one-node models match numpy\n", passed, cases.size());
}

}  // namespace
