#include "models/checkpoint_weights.h"

#include <ATen/ATen.h>

#include <map>
#include <memory>
#include <vector>

#include "drs/error.h"
#include "models/torch_checkpoint.h"
#include "weights/mapped_file.h"
#include "weights/safetensors_dtype.h"

namespace drs::models {
namespace {

at::ScalarType scalar_type(const std::string& dtype, const std::string& origin,
                           const std::string& name) {
  if (const auto type = safetensors_dtype(dtype)) return *type;
  throw Error(ErrorKind::ModelCorrupt, origin + ": tensor \"" + name + "\" has dtype " + dtype);
}

}  // namespace

WeightMap load_checkpoint_weights(const std::filesystem::path& file, const std::string& key) {
  const std::string origin = file.string();
  auto mapped = std::make_shared<MappedFile>(file);
  const auto tensors = read_checkpoint_state_dict(mapped->bytes(), origin, key);
  std::map<std::string, at::Tensor> out;
  for (const auto& t : tensors) {
    const auto options = at::TensorOptions().dtype(scalar_type(t.tensor.dtype, origin, t.name));
    at::Tensor tensor;
    if (is_contiguous(t.tensor)) {
      const auto element = static_cast<std::size_t>(dtypeBytes(t.tensor.dtype));
      auto* data = const_cast<std::byte*>(t.storage.data()) +
                   static_cast<std::size_t>(t.tensor.offset) * element;
      // The view keeps the mapping alive for as long as any tensor uses it.
      tensor = at::from_blob(
          data, t.tensor.shape, [mapped](void*) {}, options);
    } else {
      const auto bytes = gather(t);
      tensor = at::empty(t.tensor.shape, options);
      std::copy(bytes.begin(), bytes.end(), static_cast<std::byte*>(tensor.data_ptr()));
    }
    if (!out.emplace(t.name, std::move(tensor)).second)
      throw Error(ErrorKind::ModelCorrupt, origin + ": tensor \"" + t.name + "\" appears twice");
  }
  return WeightMap(std::move(out), origin, /*file_backed=*/true);
}

}  // namespace drs::models
