#pragma once
// The polyphone classifier the Chinese front end asks when a character has
// several readings. Torch-free on purpose: the lyrics module stays fast to
// build and fuzzable, and the network that answers (the official
// `poly_bert_model.onnx`, run with LibTorch) is injected by the pipeline.

#include <cstdint>
#include <span>
#include <vector>

namespace drs::lyrics::zh {

class PolyphoneScorer {
 public:
  virtual ~PolyphoneScorer() = default;

  // input_ids: the BERT input of one query: [CLS] (101) followed by one
  // vocab.txt id per character of the normalised run (no [SEP]).
  // Returns the classifier's logits for every position after [CLS],
  // row-major [input_ids.size() - 1][num_classes()].
  // Throws drs::Error when the model cannot run the input (e.g. too long).
  [[nodiscard]] virtual std::vector<float> logits(
      std::span<const std::int32_t> input_ids) const = 0;

  [[nodiscard]] virtual int num_classes() const = 0;
};

}  // namespace drs::lyrics::zh
