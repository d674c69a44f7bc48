#include "mulan/sentencepiece_model.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

#include "drs/error.h"
#include "models/protobuf_reader.h"

namespace drs {
namespace {

constexpr std::string_view kSpaceSymbol = "\xE2\x96\x81";  // U+2581
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";
constexpr float kUnknownPenalty = 10.0f;

// Length of the UTF-8 sequence at the start of `s`, or 0 if it is malformed.
std::size_t utf8_length(std::string_view s) {
  const auto c = static_cast<unsigned char>(s[0]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0;
  return n;
}

// Darts-clone double array: longest key of the trie that prefixes `key`; returns the
// value and sets *length, or returns -1.
int longest_prefix(const std::vector<std::uint32_t>& units, std::string_view key,
                   std::size_t* length) {
  const auto offset = [](std::uint32_t unit) { return (unit >> 10) << ((unit & (1u << 9)) >> 6); };
  const auto label = [](std::uint32_t unit) { return unit & ((1u << 31) | 0xFFu); };
  const auto has_leaf = [](std::uint32_t unit) { return ((unit >> 8) & 1u) == 1u; };
  if (units.empty()) return -1;
  int found = -1;
  std::size_t pos = offset(units[0]);
  for (std::size_t i = 0; i < key.size(); ++i) {
    pos ^= static_cast<unsigned char>(key[i]);
    if (pos >= units.size()) return found;
    const auto unit = units[pos];
    if (label(unit) != static_cast<unsigned char>(key[i])) return found;
    pos ^= offset(unit);
    if (pos >= units.size()) return found;
    if (has_leaf(unit)) {
      found = static_cast<int>(units[pos] & ((1u << 31) - 1));
      *length = i + 1;
    }
  }
  return found;
}

void parse_normalizer(std::span<const std::uint8_t> bytes, const std::string& origin,
                      std::vector<std::uint32_t>& trie, std::string& blob, bool& dummy_prefix,
                      bool& remove_spaces, bool& escape_spaces) {
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    if (f.number == 2 && f.wire_type == 2 && !f.bytes.empty()) {
      if (f.bytes.size() < 4)
        throw Error(ErrorKind::ModelCorrupt, origin + ": precompiled charsmap too short");
      std::uint32_t trie_size = 0;
      for (int i = 3; i >= 0; --i)
        trie_size = (trie_size << 8) | f.bytes[static_cast<std::size_t>(i)];
      if (trie_size % 4 != 0 || trie_size > f.bytes.size() - 4)
        throw Error(ErrorKind::ModelCorrupt,
                    origin + ": precompiled charsmap trie size is inconsistent");
      trie.resize(trie_size / 4);
      if (trie_size > 0)  // an empty vector's data() may be null: memcpy must not see it
        std::memcpy(trie.data(), f.bytes.data() + 4, trie_size);
      blob.assign(reinterpret_cast<const char*>(f.bytes.data()) + 4 + trie_size,
                  f.bytes.size() - 4 - trie_size);
    } else if (f.number == 3 && f.wire_type == 0) {
      dummy_prefix = f.varint != 0;
    } else if (f.number == 4 && f.wire_type == 0) {
      remove_spaces = f.varint != 0;
    } else if (f.number == 5 && f.wire_type == 0) {
      escape_spaces = f.varint != 0;
    }
  }
}

SentencePieceModel::Piece parse_piece(std::span<const std::uint8_t> bytes,
                                      const std::string& origin) {
  SentencePieceModel::Piece piece;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    if (f.number == 1 && f.wire_type == 2)
      piece.text.assign(f.bytes.begin(), f.bytes.end());
    else if (f.number == 2 && f.wire_type == 5) {
      const auto bits = static_cast<std::uint32_t>(f.varint);
      std::memcpy(&piece.score, &bits, sizeof bits);
    } else if (f.number == 3 && f.wire_type == 0) {
      if (f.varint < 1 || f.varint > 6)
        throw Error(ErrorKind::ModelCorrupt, origin + ": unknown piece type");
      piece.type = static_cast<SentencePieceModel::PieceType>(f.varint);
    }
  }
  return piece;
}

}  // namespace

SentencePieceModel SentencePieceModel::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::ModelMissing, path.string() + ": tokenizer model not found");
  const std::vector<std::uint8_t> bytes(std::istreambuf_iterator<char>(in), {});
  return parse(bytes, path.string());
}

SentencePieceModel SentencePieceModel::parse(std::span<const std::uint8_t> bytes,
                                             const std::string& origin) {
  SentencePieceModel model;
  int trainer_unk_id = 0;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    if (f.wire_type != 2) continue;
    if (f.number == 1) {
      model.pieces_.push_back(parse_piece(f.bytes, origin));
    } else if (f.number == 2) {  // TrainerSpec: model_type (3), unk_id (40)
      ProtobufReader trainer(f.bytes, origin);
      while (!trainer.done()) {
        const auto t = trainer.next();
        if (t.number == 3 && t.wire_type == 0 && t.varint != 1)
          throw Error(ErrorKind::ModelCorrupt,
                      origin + ": only unigram SentencePiece models are supported");
        if (t.number == 40 && t.wire_type == 0) trainer_unk_id = static_cast<int>(t.varint);
      }
    } else if (f.number == 3) {
      parse_normalizer(f.bytes, origin, model.trie_, model.normalized_blob_,
                       model.add_dummy_prefix_, model.remove_extra_whitespaces_,
                       model.escape_whitespaces_);
    }
  }
  if (model.pieces_.empty())
    throw Error(ErrorKind::ModelCorrupt, origin + ": no pieces (not a SentencePiece model?)");
  model.unk_id_ = -1;
  model.min_score_ = std::numeric_limits<float>::max();
  for (std::size_t i = 0; i < model.pieces_.size(); ++i) {
    const auto& p = model.pieces_[i];
    if (p.type == PieceType::Unknown) model.unk_id_ = static_cast<int>(i);
    if (p.type == PieceType::Normal || p.type == PieceType::UserDefined) {
      model.piece_ids_.emplace(p.text, static_cast<int>(i));
      model.max_piece_bytes_ = std::max(model.max_piece_bytes_, p.text.size());
      if (p.type == PieceType::Normal) model.min_score_ = std::min(model.min_score_, p.score);
    }
  }
  if (model.unk_id_ < 0) model.unk_id_ = trainer_unk_id;
  if (model.unk_id_ < 0 || static_cast<std::size_t>(model.unk_id_) >= model.pieces_.size())
    throw Error(ErrorKind::ModelCorrupt, origin + ": no <unk> piece");
  if (model.piece_ids_.empty()) model.min_score_ = 0;
  return model;
}

std::pair<std::string_view, std::size_t> SentencePieceModel::normalize_prefix(
    std::string_view input) const {
  std::size_t length = 0;
  const int value = longest_prefix(trie_, input, &length);
  if (value >= 0 && static_cast<std::size_t>(value) < normalized_blob_.size()) {
    const char* replacement = normalized_blob_.data() + value;
    const auto max = normalized_blob_.size() - static_cast<std::size_t>(value);
    return {std::string_view(replacement, strnlen(replacement, max)), length};
  }
  const auto n = utf8_length(input);
  if (n == 0) return {kReplacementChar, 1};
  return {input.substr(0, n), n};
}

std::string SentencePieceModel::normalize(std::string_view input) const {
  if (remove_extra_whitespaces_) {  // leading whitespace
    while (!input.empty()) {
      const auto [piece, consumed] = normalize_prefix(input);
      if (piece != " ") break;
      input.remove_prefix(consumed);
    }
  }
  std::string out;
  if (input.empty()) return out;
  if (add_dummy_prefix_) out += escape_whitespaces_ ? kSpaceSymbol : " ";
  bool previous_space = remove_extra_whitespaces_;
  while (!input.empty()) {
    auto [piece, consumed] = normalize_prefix(input);
    while (previous_space && !piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    if (!piece.empty()) {
      for (const char c : piece) {
        if (escape_whitespaces_ && c == ' ')
          out += kSpaceSymbol;
        else
          out += c;
      }
      previous_space = piece.back() == ' ';
    }
    input.remove_prefix(consumed);
  }
  if (remove_extra_whitespaces_) {  // trailing whitespace
    const std::string_view space = escape_whitespaces_ ? kSpaceSymbol : std::string_view(" ");
    while (out.size() >= space.size() &&
           std::string_view(out).substr(out.size() - space.size()) == space)
      out.resize(out.size() - space.size());
  }
  return out;
}

std::vector<int> SentencePieceModel::encode(std::string_view text) const {
  const std::string normalized = normalize(text);
  const std::string_view s = normalized;
  struct Best {
    float score = -std::numeric_limits<float>::infinity();
    std::size_t start = 0;
    int id = -1;
  };
  std::vector<Best> best(s.size() + 1);
  best[0].score = 0;
  const float unk_score = min_score_ - kUnknownPenalty;
  for (std::size_t start = 0; start < s.size();) {
    const std::size_t char_len = std::max<std::size_t>(1, utf8_length(s.substr(start)));
    if (best[start].id >= 0 || start == 0) {
      bool single_char = false;
      // Candidate pieces starting here, shortest first (ties keep the earliest found).
      for (std::size_t len = 1; len <= max_piece_bytes_ && start + len <= s.size(); ++len) {
        const auto it = piece_ids_.find(std::string(s.substr(start, len)));
        if (it == piece_ids_.end()) continue;
        if (len == char_len) single_char = true;
        const float score = best[start].score + pieces_[static_cast<std::size_t>(it->second)].score;
        if (best[start + len].id < 0 || score > best[start + len].score)
          best[start + len] = {score, start, it->second};
      }
      if (!single_char) {
        const float score = best[start].score + unk_score;
        if (best[start + char_len].id < 0 || score > best[start + char_len].score)
          best[start + char_len] = {score, start, unk_id_};
      }
    }
    start += char_len;
  }
  std::vector<int> ids;
  for (std::size_t end = s.size(); end > 0; end = best[end].start) {
    const int id = best[end].id;
    if (id == unk_id_ && !ids.empty() && ids.back() == unk_id_) continue;  // merge unknowns
    ids.push_back(id);
  }
  std::reverse(ids.begin(), ids.end());
  return ids;
}

}  // namespace drs
