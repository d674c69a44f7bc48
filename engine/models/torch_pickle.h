// A restricted unpickler for the `data.pkl` of a PyTorch checkpoint: just the opcodes
// torch.save emits (protocols 2-4) and just four kinds of globals — OrderedDict,
// _rebuild_tensor_v2, _rebuild_parameter and the typed storages. Nothing is ever
// executed: a REDUCE of anything else, or any other global, is refused by name.
// The TorchScript variant also reads the module tree of a scripted model's data.pkl:
// each `__torch__.*` object becomes an inert attribute container (its class name and
// its state dict), never an instance of anything.
// Plain C++ (no Qt, no Torch).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace drs::models {

// A tensor as the pickle describes it: where its bytes are and how they are laid out.
struct PickledTensor {
  std::string dtype;       // safetensors spelling: "F16", "F32", "BF16", "I64", ...
  std::string storageKey;  // entry "<archive>/data/<key>"
  std::int64_t storageNumel = 0;
  std::int64_t offset = 0;  // in elements
  std::vector<std::int64_t> shape;
  std::vector<std::int64_t> stride;
};

struct PickleValue;
using PickleValuePtr = std::shared_ptr<PickleValue>;

struct PickleValue {
  enum class Kind {
    None,
    Bool,
    Int,
    Float,
    String,
    Tuple,
    List,
    Dict,
    Global,
    Storage,
    Tensor,
    Object  // a TorchScript object: text = class, dict = its attributes
  };
  Kind kind = Kind::None;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text;                                             // String; Global "module.name"
  std::vector<PickleValuePtr> items;                            // Tuple, List
  std::vector<std::pair<PickleValuePtr, PickleValuePtr>> dict;  // Dict, in insertion order
  PickledTensor tensor;  // Tensor; Storage (dtype, key, numel)
};

// Runs the restricted unpickler over `pickle`. Throws drs::Error(ModelCorrupt)
// naming the offending opcode or global; `origin` prefixes messages.
PickleValuePtr unpickleCheckpoint(std::span<const std::byte> pickle, const std::string& origin);

// The same for the data.pkl of a TorchScript archive (torch.jit.save), which also holds
// `__torch__.*` module objects.
PickleValuePtr unpickleTorchScript(std::span<const std::byte> pickle, const std::string& origin);

// Bytes per element of a safetensors dtype name (0 if unknown).
int dtypeBytes(const std::string& dtype);

}  // namespace drs::models
