// write_safetensors: the shared header layout (models/safetensors_writer), then the
// tensors back to back, written to a temporary file and renamed once complete and synced.
#include "models/safetensors_writer.h"
#include "core/atomic_file.h"
#include "drs/error.h"
#include "weights/safetensors.h"
#include "weights/safetensors_dtype.h"

namespace drs {

void write_safetensors(const std::filesystem::path& path,
                       const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  std::vector<models::SafetensorsTensorSpec> specs;
  std::vector<at::Tensor> contiguous;
  specs.reserve(tensors.size());
  contiguous.reserve(tensors.size());
  for (const auto& [name, tensor] : tensors) {
    contiguous.push_back(tensor.detach().to(at::kCPU).contiguous());
    specs.push_back(
        {name, std::string(safetensors_dtype_name(tensor.scalar_type())), tensor.sizes().vec()});
  }
  const std::string header = models::safetensors_header_bytes(specs, metadata);
  AtomicFile file(path);
  file.write(header.data(), header.size());
  for (const auto& tensor : contiguous) file.write(tensor.data_ptr(), tensor.nbytes());
  file.commit();
}

}  // namespace drs
