#include "mulan/demo_support.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <cstring>
#include <set>

#include "core/atomic_file.h"

namespace drs {
namespace {

// Protobuf wire format writer: just what ModelProto needs.
class ProtobufWriter {
 public:
  void varint(std::uint32_t field, std::uint64_t value) {
    key(field, 0);
    raw_varint(value);
  }
  void bytes(std::uint32_t field, const std::string& value) {
    key(field, 2);
    raw_varint(value.size());
    out_ += value;
  }
  void fixed32(std::uint32_t field, float value) {
    key(field, 5);
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 4; ++i) out_ += static_cast<char>((bits >> (8 * i)) & 0xFF);
  }
  [[nodiscard]] const std::string& str() const { return out_; }

 private:
  void key(std::uint32_t field, std::uint32_t wire) {
    raw_varint((std::uint64_t{field} << 3) | wire);
  }
  void raw_varint(std::uint64_t v) {
    do {
      out_ += static_cast<char>((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
      v >>= 7;
    } while (v);
  }
  std::string out_;
};

std::string piece_message(const std::string& text, float score, int type) {
  ProtobufWriter p;
  p.bytes(1, text);
  p.fixed32(2, score);
  if (type != 1) p.varint(3, static_cast<std::uint64_t>(type));
  return p.str();
}

}  // namespace

std::vector<std::pair<std::string, float>> demo_tokenizer_pieces() {
  // Every printable ASCII character (with and without the word-start marker) and a few
  // whole style words, so any English prompt tokenises without unknowns.
  std::vector<std::pair<std::string, float>> pieces;
  const std::string word_start = "\xE2\x96\x81";
  pieces.emplace_back(word_start, -2.0f);
  for (const char* word : {"pop",    "rock", "jazz",       "folk",   "piano",    "guitar", "vocals",
                           "female", "male", "electronic", "ballad", "upbeat",   "sad",    "happy",
                           "dance",  "bpm",  "drums",      "bass",   "acoustic", "indie"})
    pieces.emplace_back(word_start + word, -5.0f);
  for (char c = '!'; c <= '~'; ++c) {
    pieces.emplace_back(std::string(1, c), -8.0f);
    pieces.emplace_back(word_start + std::string(1, c), -7.0f);
  }
  return pieces;
}

void write_sentencepiece_model(const std::filesystem::path& path,
                               const std::vector<std::pair<std::string, float>>& pieces) {
  ProtobufWriter model;
  model.bytes(1, piece_message("<unk>", 0.0f, 2));
  model.bytes(1, piece_message("<s>", 0.0f, 3));
  model.bytes(1, piece_message("</s>", 0.0f, 3));
  for (const auto& [text, score] : pieces) model.bytes(1, piece_message(text, score, 1));
  ProtobufWriter trainer;  // unigram, unk 0, bos 1, eos 2, no pad
  trainer.varint(3, 1);
  trainer.varint(4, pieces.size() + 3);
  trainer.varint(40, 0);
  trainer.varint(41, 1);
  trainer.varint(42, 2);
  model.bytes(2, trainer.str());
  ProtobufWriter normalizer;  // identity: no character map, default whitespace rules
  normalizer.bytes(1, "identity");
  normalizer.varint(3, 1);
  normalizer.varint(4, 1);
  normalizer.varint(5, 1);
  model.bytes(3, normalizer.str());
  AtomicFile file(path);
  file.write(model.str().data(), model.str().size());
  file.commit();
}

int64_t xlmr_vocab_size_for(std::size_t pieces) {
  // SentencePiece ids 0..pieces+2 shifted by one, plus <mask> at the end.
  return static_cast<int64_t>(pieces) + 3 + 1 + 1;
}

WeightMap random_style_encoder_weights(const StyleEncoderConfig& c, std::uint64_t seed) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  std::map<std::string, at::Tensor> w;
  const auto randn = [&](at::IntArrayRef shape, double scale) {
    return at::randn(shape, gen, at::kFloat) * scale;
  };
  const auto ones = [](at::IntArrayRef shape) { return at::ones(shape, at::kFloat); };
  const int64_t h = c.xlmr.hidden_size, inter = c.xlmr.intermediate_size;
  const std::string e = "mulan.text.model.embeddings.";
  w[e + "word_embeddings.weight"] = randn({c.xlmr.vocab_size, h}, 0.5);
  w[e + "position_embeddings.weight"] = randn({c.xlmr.max_position_embeddings, h}, 0.1);
  w[e + "token_type_embeddings.weight"] = randn({c.xlmr.type_vocab_size, h}, 0.1);
  w[e + "LayerNorm.weight"] = ones({h});
  w[e + "LayerNorm.bias"] = randn({h}, 0.01);
  for (int64_t i = 0; i < c.xlmr.num_hidden_layers; ++i) {
    const auto p = "mulan.text.model.encoder.layer." + std::to_string(i) + ".";
    for (const char* m : {"attention.self.query", "attention.self.key", "attention.self.value",
                          "attention.output.dense"}) {
      w[p + m + ".weight"] = randn({h, h}, 0.1);
      w[p + m + ".bias"] = randn({h}, 0.01);
    }
    w[p + "intermediate.dense.weight"] = randn({inter, h}, 0.1);
    w[p + "intermediate.dense.bias"] = randn({inter}, 0.01);
    w[p + "output.dense.weight"] = randn({h, inter}, 0.1);
    w[p + "output.dense.bias"] = randn({h}, 0.01);
    for (const char* ln : {"attention.output.LayerNorm", "output.LayerNorm"}) {
      w[p + ln + ".weight"] = ones({h});
      w[p + ln + ".bias"] = randn({h}, 0.01);
    }
  }
  w["mulan.text.model.pooler.dense.weight"] = randn({h, h}, 0.1);
  w["mulan.text.model.pooler.dense.bias"] = randn({h}, 0.01);
  const int64_t dim = c.text.dim, inner = c.text.heads * c.text.dim_head;
  const auto ff = static_cast<int64_t>(static_cast<double>(dim * c.text.ff_mult) * 2.0 / 3.0);
  if (c.text.has_projection) {
    w["mulan.text.proj.weight"] = randn({dim, h}, 0.1);
    w["mulan.text.proj.bias"] = randn({dim}, 0.01);
  }
  for (int64_t i = 0; i < c.text.tf_depth; ++i) {
    const auto p = "mulan.text.transformer.layers." + std::to_string(i) + ".";
    w[p + "0.norm.learned_gamma"] = ones({dim});
    w[p + "0.to_q.weight"] = randn({inner, dim}, 0.1);
    w[p + "0.to_kv.weight"] = randn({2 * inner, dim}, 0.1);
    w[p + "0.q_scale"] = ones({c.text.dim_head});
    w[p + "0.k_scale"] = ones({c.text.dim_head});
    w[p + "0.to_out.0.weight"] = randn({dim, inner}, 0.1);
    w[p + "1.0.learned_gamma"] = ones({dim});
    w[p + "1.1.weight"] = randn({2 * ff, dim}, 0.1);
    w[p + "1.4.weight"] = randn({dim, ff}, 0.1);
  }
  w["mulan.text_to_latents.weight"] = randn({c.text.dim_latent, dim}, 0.1);
  w["mulan.text_to_latents.bias"] = randn({c.text.dim_latent}, 0.01);
  return WeightMap(std::move(w), "random style encoder weights");
}

}  // namespace drs
