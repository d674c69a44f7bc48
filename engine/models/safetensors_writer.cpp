#include "models/safetensors_writer.h"

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "models/torch_pickle.h"

namespace drs::models {

std::uint64_t safetensors_tensor_bytes(const SafetensorsTensorSpec& tensor) {
  const int item = dtypeBytes(tensor.dtype);
  if (item == 0)
    throw Error(ErrorKind::Output, "safetensors cannot store dtype '" + tensor.dtype + "'");
  std::uint64_t count = 1;
  for (const std::int64_t d : tensor.shape) count *= static_cast<std::uint64_t>(d);
  return count * static_cast<std::uint64_t>(item);
}

std::string safetensors_header_bytes(const std::vector<SafetensorsTensorSpec>& tensors,
                                     const std::map<std::string, std::string>& metadata) {
  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::uint64_t offset = 0;
  for (const SafetensorsTensorSpec& t : tensors) {
    if (header.contains(t.name))
      throw Error(ErrorKind::Output, "duplicate tensor name '" + t.name + "'");
    const std::uint64_t bytes = safetensors_tensor_bytes(t);
    header[t.name] = {
        {"dtype", t.dtype}, {"shape", t.shape}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');  // the data section starts 8-byte aligned
  std::string out(8, '\0');
  const std::uint64_t length = text.size();
  for (int i = 0; i < 8; ++i)
    out[static_cast<std::size_t>(i)] = static_cast<char>(length >> (8 * i));
  return out + text;
}

}  // namespace drs::models
