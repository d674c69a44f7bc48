// A SentencePiece unigram model read directly from its .model file (protobuf wire
// format parsed by hand). We do not link libsentencepiece: Debian's bundles
// protobuf-lite 3.14 while LibTorch links protobuf 3.21, and both in one process crash
// at start-up. Implements exactly what XLM-R's tokenizer uses: the precompiled
// normaliser, whitespace handling and unigram Viterbi segmentation.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace drs {

class SentencePieceModel {
 public:
  enum class PieceType {
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6
  };
  struct Piece {
    std::string text;
    float score = 0;
    PieceType type = PieceType::Normal;
  };

  // Throws drs::Error(ModelMissing) if absent, (ModelCorrupt) naming the problem.
  static SentencePieceModel load(const std::filesystem::path& path);
  static SentencePieceModel parse(std::span<const std::uint8_t> bytes, const std::string& origin);

  // Normalised text (NFKC via the precompiled map, whitespace rules, U+2581 for spaces).
  [[nodiscard]] std::string normalize(std::string_view text) const;
  // Piece ids of the best segmentation; consecutive unknown characters form one <unk>.
  [[nodiscard]] std::vector<int> encode(std::string_view text) const;

  [[nodiscard]] const std::vector<Piece>& pieces() const { return pieces_; }
  [[nodiscard]] int unk_id() const { return unk_id_; }

 private:
  std::pair<std::string_view, std::size_t> normalize_prefix(std::string_view input) const;

  std::vector<Piece> pieces_;
  std::unordered_map<std::string, int> piece_ids_;
  std::size_t max_piece_bytes_ = 0;
  float min_score_ = 0;
  int unk_id_ = 0;
  // Normaliser (NormalizerSpec).
  std::vector<std::uint32_t> trie_;  // Darts-clone double array
  std::string normalized_blob_;      // NUL-separated replacement strings
  bool add_dummy_prefix_ = true;
  bool remove_extra_whitespaces_ = true;
  bool escape_whitespaces_ = true;
};

}  // namespace drs
