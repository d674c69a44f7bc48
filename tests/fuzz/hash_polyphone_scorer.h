// A polyphone scorer for the fuzz targets that reach the Chinese front end: it answers
// every query deterministically from the input ids (no model, Torch-free), so every
// class is reachable, including those a data folder's polydict.json has no reading for.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "drs/error.h"
#include "lyrics/chinese/polyphone_scorer.h"

namespace drs::fuzz {

class HashScorer final : public lyrics::zh::PolyphoneScorer {
 public:
  [[nodiscard]] std::vector<float> logits(std::span<const std::int32_t> ids) const override {
    if (ids.size() > 512) throw Error(ErrorKind::BadInput, "sequence too long");
    std::vector<float> out((ids.size() - 1) * kClasses);
    std::uint32_t h = 2166136261u;
    for (auto id : ids) h = (h ^ static_cast<std::uint32_t>(id)) * 16777619u;
    for (auto& v : out) {
      h = h * 1664525u + 1013904223u;
      v = static_cast<float>(h >> 8) / 16777216.0f;
    }
    return out;
  }
  [[nodiscard]] int num_classes() const override { return kClasses; }

 private:
  static constexpr int kClasses = 391;  // the official polyphone model's classes
};

}  // namespace drs::fuzz
