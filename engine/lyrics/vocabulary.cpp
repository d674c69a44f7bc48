#include "lyrics/vocabulary.h"

#include <nlohmann/json.hpp>

#include "drs/error.h"

namespace drs::lyrics {

std::string_view embedded_vocab_json();  // vocab_data.cpp (generated)

Vocabulary Vocabulary::from_json(std::string_view json_text) {
  const auto doc = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("vocab") || !doc["vocab"].is_object())
    throw Error(ErrorKind::ModelCorrupt, "vocab.json: expected an object with a \"vocab\" map");
  Vocabulary vocab;
  for (const auto& [piece, index] : doc["vocab"].items()) {
    if (!index.is_number_integer() || index.get<int64_t>() < 0)
      throw Error(ErrorKind::ModelCorrupt, "vocab.json: bad index for '" + piece + "'");
    vocab.index_.emplace(piece, index.get<int64_t>() + 1);
  }
  return vocab;
}

const Vocabulary& Vocabulary::builtin() {
  static const Vocabulary vocab = from_json(embedded_vocab_json());
  return vocab;
}

std::optional<int64_t> Vocabulary::token(std::string_view piece) const {
  const auto it = index_.find(std::string(piece));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace drs::lyrics
