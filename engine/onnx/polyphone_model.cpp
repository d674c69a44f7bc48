#include "onnx/polyphone_model.h"

#include <c10/core/InferenceMode.h>

#include <cstring>

#include "drs/error.h"
#include "onnx/graph_runner.h"

namespace drs::onnx {
namespace {

constexpr std::int32_t kClsId = 101;  // [CLS] in vocab.txt
constexpr std::int32_t kUnkId = 100;  // [UNK]

class OnnxPolyphoneScorer final : public lyrics::zh::PolyphoneScorer {
 public:
  explicit OnnxPolyphoneScorer(GraphRunner runner) : runner_(std::move(runner)) {
    check_interface();
    const std::int32_t probe[] = {kClsId, kUnkId};
    at::Tensor out;
    try {
      out = forward(probe);
    } catch (const Error& e) {
      corrupt(std::string("the probe query [CLS] [UNK] failed: ") + e.what());
    }
    classes_ = static_cast<int>(out.size(2));
    if (classes_ < 1) corrupt("the output has no classes");
  }

  [[nodiscard]] std::vector<float> logits(std::span<const std::int32_t> input_ids) const override {
    if (input_ids.size() < 2)
      throw Error(ErrorKind::BadInput,
                  runner_.origin() + ": a query needs [CLS] and at least one character");
    const auto out = forward(input_ids);
    if (out.size(2) != classes_)
      throw Error(ErrorKind::ModelCorrupt, runner_.origin() + ": the class count changed from " +
                                               std::to_string(classes_) + " to " +
                                               std::to_string(out.size(2)));
    std::vector<float> result(static_cast<std::size_t>(out.numel()));
    std::memcpy(result.data(), out.data_ptr<float>(), result.size() * sizeof(float));
    return result;
  }

  [[nodiscard]] int num_classes() const override { return classes_; }

 private:
  [[noreturn]] void corrupt(const std::string& what) const {
    throw Error(ErrorKind::ModelCorrupt,
                runner_.origin() + ": not a polyphone model (" + what + ")");
  }

  // The official interface: input_ids int32 [batch, seq] -> float32 [batch, seq - 1, classes].
  void check_interface() {
    if (runner_.inputs().size() != 1)
      corrupt("expected one input, found " + std::to_string(runner_.inputs().size()));
    if (runner_.outputs().size() != 1)
      corrupt("expected one output, found " + std::to_string(runner_.outputs().size()));
    const auto& in = runner_.inputs()[0];
    if (in.type != DataType::Int32 && in.type != DataType::Int64)
      corrupt("input '" + in.name + "' is " + to_string(in.type) + ", not int32/int64 token ids");
    if (in.has_shape && in.dims.size() != 2) corrupt("input '" + in.name + "' is not [batch, seq]");
    const auto& out = runner_.outputs()[0];
    if (out.type != DataType::Float)
      corrupt("output '" + out.name + "' is " + to_string(out.type) + ", not float32 logits");
    if (out.has_shape && out.dims.size() != 3)
      corrupt("output '" + out.name + "' is not [batch, seq - 1, classes]");
    input_type_ = in.type == DataType::Int32 ? at::kInt : at::kLong;
  }

  // [1, ids.size() - 1, classes] float32, contiguous.
  at::Tensor forward(std::span<const std::int32_t> ids) const {
    c10::InferenceMode inference;
    const auto length = static_cast<std::int64_t>(ids.size());
    auto input = at::empty({1, length}, at::kInt);
    std::memcpy(input.data_ptr<std::int32_t>(), ids.data(), ids.size() * sizeof(std::int32_t));
    auto out = runner_.run({input.to(input_type_)})[0];
    if (out.scalar_type() != at::kFloat || out.dim() != 3 || out.size(0) != 1 ||
        out.size(1) != length - 1)
      throw Error(ErrorKind::ModelCorrupt, runner_.origin() + ": for " + std::to_string(length) +
                                               " input ids the model returned " +
                                               std::string(c10::toString(out.scalar_type())) + " " +
                                               c10::str(out.sizes()) + ", expected float [1, " +
                                               std::to_string(length - 1) + ", classes]");
    return out.contiguous();
  }

  GraphRunner runner_;
  at::ScalarType input_type_ = at::kInt;
  int classes_ = 0;
};

}  // namespace

std::unique_ptr<lyrics::zh::PolyphoneScorer> load_polyphone_scorer(
    const std::filesystem::path& onnx_file) {
  return std::make_unique<OnnxPolyphoneScorer>(GraphRunner::load(onnx_file));
}

}  // namespace drs::onnx
