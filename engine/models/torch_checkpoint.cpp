#include "models/torch_checkpoint.h"

#include <algorithm>
#include <climits>

#include "drs/error.h"
#include "models/zip_archive.h"

namespace drs::models {
namespace {

using Kind = PickleValue::Kind;

[[noreturn]] void corrupt(const std::string& origin, const std::string& why) {
  throw Error(ErrorKind::ModelCorrupt, origin + ": " + why);
}

// "<archive>/data.pkl": torch.save names the folder after the file it wrote first
// (torch 2.x writes e.g. "model_last/" as well as the classic "archive/").
std::string archive_prefix(const ZipArchive& zip, const std::string& origin) {
  std::string prefix;
  for (const auto& [name, bytes] : zip.entries()) {
    const auto slash = name.find('/');
    if (slash != std::string::npos && name.substr(slash) == "/data.pkl") {
      if (!prefix.empty()) corrupt(origin, "more than one data.pkl");
      prefix = name.substr(0, slash);
    }
  }
  if (prefix.empty()) corrupt(origin, "no data.pkl (not a torch.save checkpoint)");
  return prefix;
}

std::vector<std::string> top_level_keys(const PickleValue& top) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : top.dict)
    if (k->kind == Kind::String) keys.push_back(k->text);
  return keys;
}

const PickleValue& state_dict(const PickleValue& top, const std::string& key,
                              const std::string& origin) {
  if (top.kind != Kind::Dict) corrupt(origin, "the checkpoint is not a dictionary");
  if (key.empty()) return top;
  for (const auto& [k, v] : top.dict)
    if (k->kind == Kind::String && k->text == key) {
      if (v->kind != Kind::Dict) corrupt(origin, "\"" + key + "\" is not a dictionary");
      return *v;
    }
  const auto keys = top_level_keys(top);
  if (std::find(keys.begin(), keys.end(), "ema_model_state_dict") != keys.end())
    corrupt(origin, "no \"" + key +
                        "\" entry, only \"ema_model_state_dict\" (a training checkpoint holding "
                        "just the EMA copy, names prefixed \"ema_model.\"): not the released "
                        "inference file");
  std::string listed;
  for (std::size_t i = 0; i < keys.size() && i < 8; ++i) listed += (i ? ", " : "") + keys[i];
  corrupt(origin, "no \"" + key + "\" entry at the top level" +
                      (listed.empty() ? std::string() : " (it has: " + listed + ")"));
}

// Checks that every element the view addresses lies inside its storage.
void check_bounds(const CheckpointTensor& t, const std::string& origin) {
  const auto& d = t.tensor;
  const int size = dtypeBytes(d.dtype);
  if (size == 0) corrupt(origin, "tensor \"" + t.name + "\": unsupported dtype " + d.dtype);
  if (static_cast<std::uint64_t>(d.storageNumel) * static_cast<std::uint64_t>(size) !=
      t.storage.size())
    corrupt(origin, "tensor \"" + t.name + "\": storage " + d.storageKey + " has the wrong size");
  std::int64_t last = d.offset;
  bool empty = false;
  for (std::size_t i = 0; i < d.shape.size(); ++i) {
    if (d.shape[i] < 0 || d.stride[i] < 0)
      corrupt(origin, "tensor \"" + t.name + "\": negative size or stride");
    if (d.shape[i] == 0) empty = true;
    if (d.shape[i] > 0 && d.stride[i] > 0 && (d.shape[i] - 1) > (INT64_MAX - last) / d.stride[i])
      corrupt(origin, "tensor \"" + t.name + "\": layout overflows");
    if (d.shape[i] > 0) last += (d.shape[i] - 1) * d.stride[i];
  }
  if (!empty && (d.offset < 0 || last >= d.storageNumel))
    corrupt(origin, "tensor \"" + t.name + "\" reaches past the end of its storage");
}

}  // namespace

std::vector<CheckpointTensor> read_checkpoint_state_dict(std::span<const std::byte> file,
                                                         const std::string& origin,
                                                         const std::string& key) {
  const ZipArchive zip(file, origin);
  const std::string prefix = archive_prefix(zip, origin);
  const PickleValuePtr top = unpickleCheckpoint(zip.entry(prefix + "/data.pkl"), origin);
  std::vector<CheckpointTensor> tensors;
  for (const auto& [k, v] : state_dict(*top, key, origin).dict) {
    if (k->kind != Kind::String) corrupt(origin, "a state-dict key is not a string");
    if (v->kind != Kind::Tensor) corrupt(origin, "entry \"" + k->text + "\" is not a tensor");
    const std::string entry = prefix + "/data/" + v->tensor.storageKey;
    if (!zip.contains(entry))
      corrupt(origin, "tensor \"" + k->text + "\": storage " + entry + " missing");
    CheckpointTensor t{k->text, v->tensor, zip.entry(entry)};
    check_bounds(t, origin);
    tensors.push_back(std::move(t));
  }
  return tensors;
}

std::int64_t element_count(const PickledTensor& t) {
  std::int64_t n = 1;
  for (const std::int64_t d : t.shape) n *= d;
  return n;
}

bool is_contiguous(const PickledTensor& t) {
  std::int64_t expected = 1;
  for (std::size_t i = t.shape.size(); i-- > 0;) {
    if (t.shape[i] != 1 && t.stride[i] != expected) return false;
    expected *= t.shape[i];
  }
  return true;
}

std::vector<std::byte> gather(const CheckpointTensor& t) {
  const auto& d = t.tensor;
  const std::size_t size = static_cast<std::size_t>(dtypeBytes(d.dtype));
  const std::int64_t count = element_count(d);
  std::vector<std::byte> out(static_cast<std::size_t>(count) * size);
  std::vector<std::int64_t> index(d.shape.size(), 0);
  for (std::int64_t n = 0; n < count; ++n) {
    std::int64_t element = d.offset;
    for (std::size_t i = 0; i < index.size(); ++i) element += index[i] * d.stride[i];
    std::copy_n(t.storage.begin() + element * static_cast<std::int64_t>(size), size,
                out.begin() + n * static_cast<std::int64_t>(size));
    for (std::size_t i = index.size(); i-- > 0;) {  // odometer increment, last dim fastest
      if (++index[i] < d.shape[i]) break;
      index[i] = 0;
    }
  }
  return out;
}

}  // namespace drs::models
