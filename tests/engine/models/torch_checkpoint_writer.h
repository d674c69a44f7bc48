// Writes torch.save checkpoints in the torch 2.x zip layout for tests (Debian has only
// torch 1.13): stored zip records whose data start on 64-byte boundaries (padding in an
// extra field of the local header, as torch 2.x writes them), pickle opcodes as
// torch.save emits them, and a state dict of any tensors under a top-level key.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace drs::test {

inline void put16(std::string& out, unsigned v) {
  for (int i = 0; i < 2; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
inline void put32(std::string& out, unsigned long v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// One zip record: `data` as it lies in the archive; `method` 0 (stored), 8 (deflated:
// `data` is the raw deflate stream and `size` the inflated length) or anything else.
struct ZipRecord {
  std::string name;
  std::string data;
  unsigned method = 0;
  std::size_t size = 0;  // inflated length; for stored records data.size()
};

// Zip entries, each record's data starting on a 64-byte boundary as torch 2.x aligns them
// (padding in an extra field of the local header).
inline std::string zip_records(const std::vector<ZipRecord>& records) {
  std::string out, central;
  for (const auto& [name, data, method, inflated] : records) {
    const std::size_t size = method == 0 ? data.size() : inflated;
    const std::size_t local = out.size();
    const std::size_t unpadded = local + 30 + name.size() + 4;
    const std::size_t pad = (64 - unpadded % 64) % 64;
    out += "PK\x03\x04";
    put16(out, 20);  // version needed
    put16(out, 0);   // flags
    put16(out, method);
    put32(out, 0);  // time, date
    put32(out, 0);  // CRC (torch writes one; our reader does not need it)
    put32(out, data.size());
    put32(out, size);
    put16(out, name.size());
    put16(out, 4 + pad);
    out += name;
    put16(out, 0x4246);  // "FB": torch's padding field
    put16(out, pad);
    out += std::string(pad, 'Z');
    EXPECT_EQ(out.size() % 64, 0u) << name;
    out += data;
    central += "PK\x01\x02";
    put16(central, 20);
    put16(central, 20);
    put16(central, 0);
    put16(central, method);
    put32(central, 0);
    put32(central, 0);
    put32(central, data.size());
    put32(central, size);
    put16(central, name.size());
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, local);
    central += name;
  }
  const std::size_t directory = out.size();
  out += central;
  out += "PK\x05\x06";
  put16(out, 0);
  put16(out, 0);
  put16(out, records.size());
  put16(out, records.size());
  put32(out, central.size());
  put32(out, directory);
  put16(out, 0);
  return out;
}

// Stored (uncompressed) records, as torch writes them.
inline std::string zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::vector<ZipRecord> records;
  for (const auto& [name, data] : entries) records.push_back({name, data, 0, data.size()});
  return zip_records(records);
}

inline std::string text(const std::string& s) {  // BINUNICODE
  std::string out = "X";
  put32(out, s.size());
  return out + s;
}

inline std::string int32(std::int64_t v) {  // BININT
  std::string out = "J";
  put32(out, static_cast<unsigned long>(v));
  return out;
}

struct TensorRecord {
  std::string name;
  std::string storage;  // "FloatStorage", "LongStorage", "BoolStorage", ...
  int element_size = 4;
  std::vector<std::int64_t> shape;  // contiguous; {} is a 0-d tensor
};

// A state dict of `tensors` (zero-filled, contiguous, one storage each) under top-level
// key `key` of a dict, or the bare state dict when `key` is empty (the state dict itself
// an OrderedDict), in the torch 2.x layout with root folder `root`.
inline std::string torch2_state_dict_file(const std::vector<TensorRecord>& tensors,
                                          const std::string& key,
                                          const std::string& root = "model_last") {
  std::string p = "\x80\x02";
  if (!key.empty()) p += "}" + text(key);
  p += "ccollections\nOrderedDict\n)R";
  std::vector<std::pair<std::string, std::string>> records;
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const TensorRecord& t = tensors[i];
    std::int64_t numel = 1;
    std::string shape = "(", stride = "(";
    std::vector<std::int64_t> strides(t.shape.size(), 1);
    for (std::size_t d = t.shape.size(); d-- > 1;) strides[d - 1] = strides[d] * t.shape[d];
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
      numel *= t.shape[d];
      shape += int32(t.shape[d]);
      stride += int32(strides[d]);
    }
    const std::string storage_key = std::to_string(i);
    p += text(t.name) + "ctorch._utils\n_rebuild_tensor_v2\n(";
    p += "(" + text("storage") + "ctorch\n" + t.storage + "\n" + text(storage_key) + text("cpu") +
         int32(numel) + "tQ";
    p += int32(0) + shape + "t" + stride + "t\x89";
    p += "ccollections\nOrderedDict\n)RtRs";
    records.emplace_back(root + "/data/" + storage_key,
                         std::string(static_cast<std::size_t>(numel * t.element_size), '\0'));
  }
  p += key.empty() ? "." : "s.";
  records.insert(records.begin(), {root + "/data.pkl", p});
  records.emplace_back(root + "/version", "3\n");
  records.emplace_back(root + "/byteorder", "little");
  return zip(records);
}

}  // namespace drs::test
