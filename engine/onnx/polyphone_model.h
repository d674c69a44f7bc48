// The official polyphone BERT (`poly_bert_model.onnx`) as the Chinese front end's
// PolyphoneScorer, run by our own ONNX interpreter on LibTorch (ONNX Runtime is not
// packaged for Debian 12). Only the interface is assumed, never the export's layout.
#pragma once

#include <filesystem>
#include <memory>

#include "lyrics/chinese/polyphone_scorer.h"

namespace drs::onnx {

// Loads and checks the model: one integer input [batch, seq], one float output of rank 3
// [batch, seq - 1, classes]; the class count is taken from a two-token probe run.
// Throws drs::Error (ModelMissing, ModelCorrupt) naming the file.
[[nodiscard]] std::unique_ptr<lyrics::zh::PolyphoneScorer> load_polyphone_scorer(
    const std::filesystem::path& onnx_file);

}  // namespace drs::onnx
