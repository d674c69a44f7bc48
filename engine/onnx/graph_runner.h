// Runs an ONNX graph with LibTorch tensors: the nodes in dependency order, each through
// the kernel of its op. Everything that can be checked without inputs is checked at
// load (every op supported, every value produced once, no cycle), and the nodes that
// depend only on constants are evaluated there once.
#pragma once

#include <ATen/ATen.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "drs/error.h"
#include "onnx/onnx_model.h"
#include "onnx/op_kernel.h"

namespace drs::onnx {

class GraphRunner {
 public:
  // `origin` names the file in every error.
  GraphRunner(Model model, std::string origin);
  [[nodiscard]] static GraphRunner load(const std::filesystem::path& file);

  // The graph's inputs (initializers excluded) and outputs, as declared.
  [[nodiscard]] const std::vector<ValueInfo>& inputs() const { return inputs_; }
  [[nodiscard]] const std::vector<ValueInfo>& outputs() const { return outputs_; }
  [[nodiscard]] const std::string& origin() const { return origin_; }
  [[nodiscard]] std::int64_t opset() const { return opset_; }
  // The distinct op types of the graph (before constant folding), sorted.
  [[nodiscard]] const std::vector<std::string>& op_types() const { return op_types_; }

  // One tensor per declared input, in order; returns the outputs in order. Runs without
  // autograd. A node that fails names itself and the file (drs::Error BadInput).
  [[nodiscard]] std::vector<at::Tensor> run(const std::vector<at::Tensor>& inputs) const;

 private:
  struct Step {
    Node node;
    Kernel kernel = nullptr;
    std::vector<int> inputs;   // slot per input, -1 for an omitted optional input
    std::vector<int> outputs;  // slot per output, -1 for an unused optional output
    std::vector<int> release;  // slots whose last reader is this step
  };

  void build(Model& model);
  [[nodiscard]] std::vector<std::size_t> dependency_order(const Graph& graph) const;
  void fold_constants();
  void plan_releases();
  void execute(const Step& step, std::vector<at::Tensor>& values, ErrorKind kind) const;
  int slot(const std::string& name);

  std::string origin_;
  std::int64_t opset_ = 0;
  std::vector<ValueInfo> inputs_;
  std::vector<ValueInfo> outputs_;
  std::vector<std::string> op_types_;
  std::vector<std::string> slot_names_;
  std::unordered_map<std::string, int> slot_of_;
  std::vector<at::Tensor> constants_;  // by slot; undefined where computed at run time
  std::vector<int> input_slots_;
  std::vector<int> output_slots_;
  std::vector<Step> steps_;
};

}  // namespace drs::onnx
