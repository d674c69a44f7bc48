// Style embeddings of prompts already encoded, so a repeated prompt needs neither the
// encoder weights nor a forward pass. Kept in memory and, optionally, as small files in
// a folder (one per model + prompt) so they survive a restart.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drs {

struct StyleEmbedding {
  std::vector<float> values;  // float32, unit norm (512 for MuQ-MuLan)
  std::string warning;        // e.g. the truncation notice of the run that computed it
};

class StyleEmbeddingCache {
 public:
  // `model_id` separates the entries of different encoders sharing one folder (use
  // e.g. the model set's name + weights checksum). Without `folder`: memory only.
  explicit StyleEmbeddingCache(std::string model_id,
                               std::optional<std::filesystem::path> folder = std::nullopt);

  // Memory first, then disk (a damaged or foreign file counts as a miss).
  [[nodiscard]] std::optional<StyleEmbedding> find(std::string_view prompt);
  // Remembers the entry; the disk copy is best effort (a full disk must not fail a run).
  void store(std::string_view prompt, const StyleEmbedding& embedding);
  // find(), else compute() + store().
  StyleEmbedding get(std::string_view prompt,
                     const std::function<StyleEmbedding(std::string_view)>& compute);

  // The file an entry lives in (named by a 64-bit hash of model id + prompt).
  [[nodiscard]] std::optional<std::filesystem::path> file_for(std::string_view prompt) const;

 private:
  [[nodiscard]] std::string key(std::string_view prompt) const;

  std::string model_id_;
  std::optional<std::filesystem::path> folder_;
  std::map<std::string, StyleEmbedding, std::less<>> memory_;
};

}  // namespace drs
