// What the demo model set needs from the style encoder module: a small tokenizer model
// written in SentencePiece's own format, and random weights under the official names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "mulan/style_encoder_config.h"
#include "weights/weight_map.h"

namespace drs {

// Ordinary pieces (with their unigram scores) for a small demo vocabulary; the model
// file adds <unk>, <s>, </s> in front, as XLM-R's does.
std::vector<std::pair<std::string, float>> demo_tokenizer_pieces();

// A valid unigram .model file (identity normaliser) that our reader and spm_encode load.
void write_sentencepiece_model(const std::filesystem::path& path,
                               const std::vector<std::pair<std::string, float>>& pieces);

// The XLM-R vocabulary size for a SentencePiece model with `pieces` ordinary pieces:
// <s> <pad> </s> <unk>, the pieces shifted by one, and <mask>.
int64_t xlmr_vocab_size_for(std::size_t pieces);

// Deterministic random weights with the official names and shapes ("mulan.text...").
WeightMap random_style_encoder_weights(const StyleEncoderConfig& config, std::uint64_t seed);

}  // namespace drs
