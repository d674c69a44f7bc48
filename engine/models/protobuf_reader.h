// Minimal protobuf wire-format reader: enough to walk SentencePiece's and ONNX's
// ModelProto with bounds checks on every read (a corrupt file is an error, never an
// overread). Torch-free, so the fuzz targets of both formats link it alone.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace drs {

class ProtobufReader {
 public:
  struct Field {
    std::uint32_t number = 0;
    std::uint32_t wire_type = 0;
    std::uint64_t varint = 0;             // wire types 0, 1 (as raw bits), 5 (as raw bits)
    std::span<const std::uint8_t> bytes;  // wire type 2
  };

  ProtobufReader(std::span<const std::uint8_t> data, std::string origin)
      : data_(data), origin_(std::move(origin)) {}
  [[nodiscard]] bool done() const { return pos_ >= data_.size(); }
  Field next();  // throws drs::Error(ModelCorrupt)

 private:
  std::uint64_t read_varint();
  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
  std::string origin_;
};

}  // namespace drs
