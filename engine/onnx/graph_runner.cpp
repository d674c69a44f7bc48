#include "onnx/graph_runner.h"

#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

#include "drs/error.h"

namespace drs::onnx {
namespace {

bool default_domain(const std::string& domain) {
  return domain.empty() || domain == "ai.onnx";
}

// One line per unsupported op type (its first node), so a new export's gaps are named.
void refuse_unsupported_ops(const Graph& graph, const std::string& origin) {
  std::map<std::string, std::string> missing;  // "domain.op" -> first node
  for (const auto& n : graph.nodes) {
    const bool known = default_domain(n.domain) && kernels().count(n.op_type) != 0;
    if (known) continue;
    const auto op = default_domain(n.domain) ? n.op_type : n.domain + "." + n.op_type;
    missing.emplace(op, n.name);
  }
  if (missing.empty()) return;
  std::string message = origin + ": unsupported ONNX op";
  message += missing.size() > 1 ? "s " : " ";
  bool first = true;
  for (const auto& [op, node] : missing) {
    message += (first ? "'" : ", '") + op + "' (node '" + node + "')";
    first = false;
  }
  throw Error(ErrorKind::ModelCorrupt, message);
}

bool all_defined(const std::vector<at::Tensor>& a) {
  return std::all_of(a.begin(), a.end(), [](const at::Tensor& t) { return t.defined(); });
}

}  // namespace

GraphRunner GraphRunner::load(const std::filesystem::path& file) {
  return GraphRunner(read_model_file(file), file.string());
}

GraphRunner::GraphRunner(Model model, std::string origin) : origin_(std::move(origin)) {
  at::NoGradGuard no_grad;
  build(model);
  fold_constants();
  plan_releases();
}

int GraphRunner::slot(const std::string& name) {
  const auto [found, added] = slot_of_.emplace(name, static_cast<int>(slot_names_.size()));
  if (!added) return found->second;
  slot_names_.push_back(name);
  constants_.emplace_back();
  return static_cast<int>(slot_names_.size() - 1);
}

std::vector<std::size_t> GraphRunner::dependency_order(const Graph& graph) const {
  const auto& nodes = graph.nodes;
  std::unordered_map<std::string, std::size_t> producer;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (const auto& out : nodes[i].outputs) {
      if (out.empty()) continue;
      if (!producer.emplace(out, i).second)
        throw Error(ErrorKind::ModelCorrupt, origin_ + ": value '" + out + "' is produced twice (" +
                                                 nodes[i].describe() + ")");
    }
  std::vector<std::vector<std::size_t>> readers(nodes.size());
  std::vector<std::size_t> waiting(nodes.size(), 0);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::set<std::size_t> deps;
    for (const auto& in : nodes[i].inputs)
      if (const auto p = producer.find(in); !in.empty() && p != producer.end())
        deps.insert(p->second);
    waiting[i] = deps.size();
    for (const auto d : deps) readers[d].push_back(i);
  }
  // Kahn's algorithm, lowest node index first: the file's order when it is already valid.
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (waiting[i] == 0) ready.push(i);
  std::vector<std::size_t> order;
  while (!ready.empty()) {
    const auto i = ready.top();
    ready.pop();
    order.push_back(i);
    for (const auto r : readers[i])
      if (--waiting[r] == 0) ready.push(r);
  }
  if (order.size() != nodes.size())
    throw Error(ErrorKind::ModelCorrupt, origin_ + ": the graph has a cycle");
  return order;
}

void GraphRunner::build(Model& model) {
  auto& graph = model.graph;
  opset_ = model.default_opset();
  if (opset_ <= 0)
    throw Error(ErrorKind::ModelCorrupt, origin_ + ": the model imports no ai.onnx opset");
  refuse_unsupported_ops(graph, origin_);
  std::set<std::string> ops;
  for (const auto& n : graph.nodes) ops.insert(n.op_type);
  op_types_.assign(ops.begin(), ops.end());

  std::set<std::string> known;
  for (auto& init : graph.initializers) {
    const auto s = slot(init.name);
    known.insert(init.name);
    constants_[static_cast<std::size_t>(s)] = to_torch(std::move(init), origin_);
  }
  for (const auto& in : graph.inputs) {
    if (known.count(in.name) != 0) continue;  // IR < 4 lists initializers as inputs too
    inputs_.push_back(in);
    input_slots_.push_back(slot(in.name));
    known.insert(in.name);
  }
  for (const auto index : dependency_order(graph)) {
    auto& node = graph.nodes[index];
    Step step;
    step.kernel = kernels().at(node.op_type);
    for (const auto& in : node.inputs) {
      if (!in.empty() && known.count(in) == 0)
        throw Error(ErrorKind::ModelCorrupt, origin_ + ": " + node.describe() + " reads '" + in +
                                                 "', which no node, input or initializer provides");
      step.inputs.push_back(in.empty() ? -1 : slot(in));
    }
    for (const auto& out : node.outputs) {
      step.outputs.push_back(out.empty() ? -1 : slot(out));
      known.insert(out);
    }
    step.node = std::move(node);
    steps_.push_back(std::move(step));
  }
  for (const auto& out : graph.outputs) {
    if (known.count(out.name) == 0)
      throw Error(ErrorKind::ModelCorrupt,
                  origin_ + ": graph output '" + out.name + "' is never produced");
    outputs_.push_back(out);
    output_slots_.push_back(slot(out.name));
  }
}

void GraphRunner::fold_constants() {
  std::vector<Step> dynamic;
  for (auto& step : steps_) {
    const bool constant = std::all_of(step.inputs.begin(), step.inputs.end(), [&](int s) {
      return s < 0 || constants_[static_cast<std::size_t>(s)].defined();
    });
    if (constant)
      execute(step, constants_, ErrorKind::ModelCorrupt);
    else
      dynamic.push_back(std::move(step));
  }
  steps_ = std::move(dynamic);
  // Constants no remaining step or output reads (folded away weights) are freed.
  std::vector<bool> needed(constants_.size(), false);
  for (const auto& step : steps_)
    for (const auto s : step.inputs)
      if (s >= 0) needed[static_cast<std::size_t>(s)] = true;
  for (const auto s : output_slots_) needed[static_cast<std::size_t>(s)] = true;
  for (std::size_t s = 0; s < constants_.size(); ++s)
    if (!needed[s]) constants_[s] = at::Tensor();
}

void GraphRunner::plan_releases() {
  std::vector<int> last_reader(slot_names_.size(), -1);
  for (std::size_t i = 0; i < steps_.size(); ++i)
    for (const auto s : steps_[i].inputs)
      if (s >= 0) last_reader[static_cast<std::size_t>(s)] = static_cast<int>(i);
  for (const auto s : output_slots_) last_reader[static_cast<std::size_t>(s)] = -1;
  for (std::size_t s = 0; s < last_reader.size(); ++s)
    if (last_reader[s] >= 0)
      steps_[static_cast<std::size_t>(last_reader[s])].release.push_back(static_cast<int>(s));
}

void GraphRunner::execute(const Step& step, std::vector<at::Tensor>& values, ErrorKind kind) const {
  std::vector<at::Tensor> inputs;
  inputs.reserve(step.inputs.size());
  for (const auto s : step.inputs)
    inputs.push_back(s < 0 ? at::Tensor() : values[static_cast<std::size_t>(s)]);
  const OpCall call{step.node, opset_, inputs};
  Outputs outputs;
  try {
    outputs = step.kernel(call);
  } catch (const Error& e) {
    throw Error(kind, origin_ + ": " + e.what());
  } catch (const c10::Error& e) {
    throw Error(kind,
                origin_ + ": " + step.node.describe() + " failed: " + e.what_without_backtrace());
  } catch (const std::exception& e) {
    throw Error(kind, origin_ + ": " + step.node.describe() + " failed: " + e.what());
  }
  for (std::size_t i = 0; i < step.outputs.size(); ++i) {
    if (step.outputs[i] < 0) continue;
    if (i >= outputs.size() || !outputs[i].defined())
      throw Error(ErrorKind::ModelCorrupt,
                  origin_ + ": " + step.node.describe() + " has no output " + std::to_string(i));
    values[static_cast<std::size_t>(step.outputs[i])] = std::move(outputs[i]);
  }
}

std::vector<at::Tensor> GraphRunner::run(const std::vector<at::Tensor>& inputs) const {
  c10::InferenceMode inference;
  if (inputs.size() != inputs_.size())
    throw Error(ErrorKind::BadInput, origin_ + ": the graph takes " +
                                         std::to_string(inputs_.size()) + " inputs, got " +
                                         std::to_string(inputs.size()));
  auto values = constants_;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].defined())
      throw Error(ErrorKind::BadInput, origin_ + ": input '" + inputs_[i].name + "' is missing");
    values[static_cast<std::size_t>(input_slots_[i])] = inputs[i];
  }
  for (const auto& step : steps_) {
    execute(step, values, ErrorKind::BadInput);
    for (const auto s : step.release) values[static_cast<std::size_t>(s)] = at::Tensor();
  }
  std::vector<at::Tensor> outputs;
  for (const auto s : output_slots_) outputs.push_back(values[static_cast<std::size_t>(s)]);
  if (!all_defined(outputs))
    throw Error(ErrorKind::Internal, origin_ + ": a graph output was not computed");
  return outputs;
}

}  // namespace drs::onnx
