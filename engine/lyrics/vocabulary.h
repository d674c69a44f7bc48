// The DiffRhythm phoneme vocabulary (vocab.json, embedded at build time). Pieces are
// compared by exact code points (no Unicode normalisation); model token = index + 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace drs::lyrics {

class Vocabulary {
 public:
  // Parses a vocab.json document ({"vocab": {piece: index}}); throws drs::Error.
  static Vocabulary from_json(std::string_view json_text);
  // The vocabulary compiled into the library.
  static const Vocabulary& builtin();

  // Model token id (vocab index + 1) of a phone piece, if it is in the vocabulary.
  [[nodiscard]] std::optional<int64_t> token(std::string_view piece) const;
  [[nodiscard]] std::size_t size() const { return index_.size(); }

 private:
  std::unordered_map<std::string, int64_t> index_;
};

}  // namespace drs::lyrics
