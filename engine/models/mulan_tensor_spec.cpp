#include "models/mulan_tensor_spec.h"

#include <array>

#include "drs/error.h"
#include "drs/model_set.h"
#include "models/safetensors_header.h"

namespace drs::models {
namespace {

constexpr std::size_t kMaxListed = 5;  // problems named in one message

// Entries every MuQ-MuLan text tower has whatever its size (the XLM-R embeddings and the
// projection to the style space): a file without them is another model's (e.g. the
// MuQ-large-msd-iter backbone alone) or truncated.
constexpr std::array<const char*, 4> kMulanTextNames{
    "mulan.text.model.embeddings.word_embeddings.weight",
    "mulan.text.model.embeddings.position_embeddings.weight",
    "mulan.text.model.embeddings.LayerNorm.weight", "mulan.text_to_latents.weight"};

std::string missing_text_names(const TensorShapes& tensors) {
  std::string missing;
  for (const char* name : kMulanTextNames)
    if (!tensors.contains(name)) missing += std::string(missing.empty() ? "" : ", ") + name;
  return missing;
}

// Each expected tensor that is absent or shaped otherwise, the first kMaxListed named.
std::string shape_problems(const TensorShapes& tensors, const TensorShapes& expected) {
  std::string listed;
  std::size_t count = 0;
  for (const auto& [name, shape] : expected) {
    const auto found = tensors.find(name);
    if (found != tensors.end() && found->second == shape) continue;
    if (++count > kMaxListed) continue;
    listed += std::string(listed.empty() ? "" : "; ") + "tensor " + name +
              (found == tensors.end() ? " is missing (expected shape " + shape_string(shape) + ")"
                                      : " has shape " + shape_string(found->second) +
                                            ", expected " + shape_string(shape));
  }
  if (count > kMaxListed) listed += "; and " + std::to_string(count - kMaxListed) + " more";
  return listed;
}

}  // namespace

std::optional<StyleEncoderConfig> read_style_config(const std::filesystem::path& mulan_config,
                                                    const std::filesystem::path& xlmr_config) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(mulan_config, ec) ||
      !std::filesystem::is_regular_file(xlmr_config, ec))
    return std::nullopt;
  return StyleEncoderConfig::from_official_files(mulan_config, xlmr_config);
}

std::string check_mulan_text_tensors(const std::string& file, const TensorShapes& tensors,
                                     const std::optional<StyleEncoderConfig>& config) {
  if (std::string missing = missing_text_names(tensors); !missing.empty())
    return file + ": not MuQ-MuLan's weights (pytorch_model.bin of OpenMuQ/MuQ-MuLan-large): no " +
           missing;
  if (!config) return {};
  std::string problems = shape_problems(tensors, mulan_text_tensor_shapes(*config));
  if (problems.empty()) return {};
  return file + ": does not match the text tower its configuration describes (" +
         ModelSetLayout::kStyleConfig + ", " + ModelSetLayout::kXlmrConfig + "): " + problems;
}

TensorShapes safetensors_tensor_shapes(const std::filesystem::path& path) {
  TensorShapes shapes;
  for (const auto& [name, entry] : read_safetensors_header(path).tensors)
    shapes[name] = entry.shape;
  return shapes;
}

}  // namespace drs::models
