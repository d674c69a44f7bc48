// MuQ-MuLan text tower: style prompt -> 512-d unit embedding (MODEL.md section 5).
#pragma once

#include <ATen/ATen.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mulan/style_encoder_config.h"
#include "weights/weight_map.h"

namespace drs {

struct StyleEncoderFiles {
  std::filesystem::path config;       // MuQ-MuLan config.json (text_transformer, mulan ...)
  std::filesystem::path xlmr_config;  // XLM-R config.json (hidden size, layers, eps ...)
  std::filesystem::path weights;      // safetensors (or converted .bin) under "mulan." names
  std::filesystem::path tokenizer;    // sentencepiece.bpe.model
};

class StyleEncoder {
 public:
  explicit StyleEncoder(const StyleEncoderFiles& files);
  // From a config and weights already in memory (golden tests, demo set).
  StyleEncoder(const StyleEncoderConfig& config, WeightMap& weights,
               const std::filesystem::path& tokenizer);
  ~StyleEncoder();
  StyleEncoder(StyleEncoder&&) noexcept;
  StyleEncoder& operator=(StyleEncoder&&) noexcept;

  // Model input ids: <s> ... </s>, truncated to the position table (warning set).
  [[nodiscard]] std::vector<int64_t> tokenize(std::string_view text,
                                              bool* truncated = nullptr) const;
  // [1,512] float32, unit L2 norm.
  [[nodiscard]] at::Tensor embed(std::string_view text, std::string* warning = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace drs
