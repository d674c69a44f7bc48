// write_safetensors: header JSON padded to 8 bytes, tensors back to back, written to a
// temporary file in the target folder and renamed only once complete and synced.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "drs/error.h"
#include "weights/safetensors.h"
#include "weights/safetensors_dtype.h"

namespace drs {

void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  nlohmann::json header = nlohmann::json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<at::Tensor> contiguous;
  contiguous.reserve(tensors.size());
  std::size_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    if (header.contains(name))
      throw Error(ErrorKind::Output, "duplicate tensor name '" + name + "'");
    contiguous.push_back(tensor.detach().to(at::kCPU).contiguous());
    const auto bytes = contiguous.back().nbytes();
    header[name] = {{"dtype", std::string(safetensors_dtype_name(tensor.scalar_type()))},
                    {"shape", tensor.sizes().vec()},
                    {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');

  AtomicFile file(path);
  std::uint64_t length = text.size();
  unsigned char prefix[8];
  for (int i = 0; i < 8; ++i) prefix[i] = static_cast<unsigned char>(length >> (8 * i));
  file.write(prefix, sizeof prefix);
  file.write(text.data(), text.size());
  for (const auto& tensor : contiguous) file.write(tensor.data_ptr(), tensor.nbytes());
  file.commit();
}

}  // namespace drs
