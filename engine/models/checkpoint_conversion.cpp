#include "models/checkpoint_conversion.h"

#include <span>
#include <vector>

#include "core/atomic_file.h"
#include "models/safetensors_writer.h"
#include "models/torch_checkpoint.h"
#include "weights/mapped_file.h"

namespace drs::models {

ConversionReport convert_checkpoint(const std::filesystem::path& checkpoint,
                                    const std::filesystem::path& output, const std::string& key,
                                    const KeepEntry& keep) {
  const std::string origin = checkpoint.filename().string();
  const MappedFile mapped(checkpoint);
  std::vector<CheckpointTensor> tensors = read_checkpoint_state_dict(mapped.bytes(), origin, key);
  ConversionReport report;
  if (keep) {
    std::erase_if(tensors, [&](const CheckpointTensor& t) {
      if (keep(t.name)) return false;
      report.skipped.push_back(t.name);
      return true;
    });
  }

  std::vector<SafetensorsTensorSpec> specs;
  specs.reserve(tensors.size());
  for (const CheckpointTensor& t : tensors)
    specs.push_back({t.name, t.tensor.dtype, t.tensor.shape});
  const std::string header =
      safetensors_header_bytes(specs, {{"format", "pt"}, {"converted_from", origin}});

  AtomicFile out(output);
  out.write(header.data(), header.size());
  for (const CheckpointTensor& t : tensors) {
    const auto count = static_cast<std::size_t>(element_count(t.tensor));
    const auto size = static_cast<std::size_t>(dtypeBytes(t.tensor.dtype));
    std::span<const std::byte> data;
    std::vector<std::byte> copy;
    if (count != 0 && is_contiguous(t.tensor)) {
      data = t.storage.subspan(static_cast<std::size_t>(t.tensor.offset) * size, count * size);
    } else if (count != 0) {
      copy = gather(t);
      data = copy;
    }
    if (!data.empty()) out.write(data.data(), data.size());
    report.bytes += data.size();
    ++report.tensors;
  }
  out.commit();
  return report;
}

std::vector<std::string> checkpoint_entry_names(const std::filesystem::path& checkpoint,
                                                const std::string& key) {
  const MappedFile mapped(checkpoint);
  std::vector<std::string> names;
  for (const CheckpointTensor& t :
       read_checkpoint_state_dict(mapped.bytes(), checkpoint.filename().string(), key))
    names.push_back(t.name);
  return names;
}

std::map<std::string, std::vector<std::int64_t>> checkpoint_entry_shapes(
    const std::filesystem::path& checkpoint, const std::string& key) {
  const MappedFile mapped(checkpoint);
  std::map<std::string, std::vector<std::int64_t>> shapes;
  for (const CheckpointTensor& t :
       read_checkpoint_state_dict(mapped.bytes(), checkpoint.filename().string(), key))
    shapes[t.name] = t.tensor.shape;
  return shapes;
}

}  // namespace drs::models
