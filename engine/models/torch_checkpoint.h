// The state dict of a torch.save checkpoint (cfm_model.pt, pytorch_model.bin): where each
// tensor's bytes are in the file, checked against its storage record. Torch-free (used by
// the engine to load such a file in place and by the model manager to convert it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/torch_pickle.h"

namespace drs::models {

struct CheckpointTensor {
  std::string name;
  PickledTensor tensor;
  std::span<const std::byte> storage;  // the whole storage record it views
};

// The state dict under top-level key `key` ("" = the top level is the state dict) of
// the checkpoint held in `file`, in the pickle's order. Throws drs::Error(ModelCorrupt)
// naming the entry at fault; a checkpoint that holds only an EMA copy under another key
// says so. `origin` names the file in messages.
[[nodiscard]] std::vector<CheckpointTensor> read_checkpoint_state_dict(
    std::span<const std::byte> file, const std::string& origin, const std::string& key);

[[nodiscard]] std::int64_t element_count(const PickledTensor& t);
[[nodiscard]] bool is_contiguous(const PickledTensor& t);
// The tensor's elements in row-major order (copied element by element: for strided views).
[[nodiscard]] std::vector<std::byte> gather(const CheckpointTensor& t);

}  // namespace drs::models
