#include "models/torchscript_archive.h"

#include <ATen/ATen.h>

#include <string_view>
#include <utility>

#include "drs/error.h"
#include "models/torch_pickle.h"
#include "models/torchscript_preflight.h"
#include "models/zip_archive.h"
#include "weights/mapped_file.h"
#include "weights/safetensors_dtype.h"

namespace drs::models {
namespace {

using Kind = PickleValue::Kind;

// Module trees nest a few levels per block; far deeper means a hostile or cyclic file.
constexpr int kMaxDepth = 64;

[[noreturn]] void corrupt(const std::string& origin, const std::string& why) {
  throw Error(ErrorKind::ModelCorrupt, origin + ": " + why);
}

at::ScalarType scalar_type(const std::string& dtype, const std::string& origin) {
  if (const auto type = safetensors_dtype(dtype)) return *type;
  corrupt(origin, "tensor of unsupported dtype " + dtype);
}

// A contiguous copy of one pickled tensor, after checking that it lies inside its record.
at::Tensor load_tensor(const PickledTensor& t, const ZipArchive& zip, const std::string& root,
                       const std::string& name, const std::string& origin) {
  const std::string key = root + "/data/" + t.storageKey;
  if (!zip.lists(key)) corrupt(origin, name + ": storage record " + key + " missing");
  const auto storage = zip.entry(key);
  const auto type = scalar_type(t.dtype, origin);
  const auto element = static_cast<std::int64_t>(at::elementSize(type));
  std::int64_t last = t.offset;  // furthest element the view can touch
  for (std::size_t d = 0; d < t.shape.size(); ++d) {
    if (t.shape[d] < 0 || t.stride[d] < 0) corrupt(origin, name + ": negative size or stride");
    if (t.shape[d] == 0) return at::empty(t.shape, at::TensorOptions().dtype(type));
    last += (t.shape[d] - 1) * t.stride[d];
  }
  if (t.offset < 0 || last >= t.storageNumel ||
      t.storageNumel * element > static_cast<std::int64_t>(storage.size()))
    corrupt(origin, name + ": tensor reaches past its storage record " + key);
  auto* data = const_cast<std::byte*>(storage.data()) + t.offset * element;
  return at::from_blob(data, t.shape, t.stride, at::TensorOptions().dtype(type)).clone();
}

struct Walk {
  const ZipArchive& zip;
  const std::string& root;
  const std::string& origin;
  TorchScriptSummary& summary;
  std::map<std::string, at::Tensor>& tensors;

  void object(const PickleValue& obj, const std::string& path, int depth) {
    if (depth > kMaxDepth) corrupt(origin, "module tree deeper than " + std::to_string(kMaxDepth));
    summary.classes[path] = obj.text;
    for (const auto& [key, value] : obj.dict) {
      if (key->kind != Kind::String) corrupt(origin, path + ": attribute name is not a string");
      const std::string name = path.empty() ? key->text : path + "." + key->text;
      if (value->kind == Kind::Tensor) {
        if (!tensors.emplace(name, load_tensor(value->tensor, zip, root, name, origin)).second)
          corrupt(origin, "tensor " + name + " appears twice");
      } else if (value->kind == Kind::Object) {
        object(*value, name, depth + 1);
      }
      // Other attributes (flags, sizes, hooks) belong to the code, not the weights.
    }
  }
};

}  // namespace

TorchScriptWeights read_torchscript_weights(const std::filesystem::path& file) {
  const std::string origin = file.string();
  const MappedFile mapped(file);
  const ZipArchive zip(mapped.bytes(), origin);
  TorchScriptSummary summary;
  summary.root = torchscript_root(zip, origin);
  summary.version = torchscript_format_version(zip, summary.root);
  if (zip.contains(summary.root + "/byteorder")) {
    const auto order = zip.entry(summary.root + "/byteorder");
    if (std::string_view(reinterpret_cast<const char*>(order.data()), order.size()) != "little")
      corrupt(origin, "big-endian tensor data is not supported");
  }
  const auto top = unpickleTorchScript(zip.entry(summary.root + "/data.pkl"), origin);
  if (top->kind != Kind::Object)
    corrupt(origin, "data.pkl holds no scripted module (a torch.save checkpoint?)");
  summary.top_class = top->text;
  std::map<std::string, at::Tensor> tensors;
  Walk{zip, summary.root, origin, summary, tensors}.object(*top, "", 0);
  if (tensors.empty()) corrupt(origin, "the scripted module holds no tensors");
  return {std::move(summary), WeightMap(std::move(tensors), origin)};
}

}  // namespace drs::models
