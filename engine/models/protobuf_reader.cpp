#include "models/protobuf_reader.h"

#include "drs/error.h"

namespace drs {

std::uint64_t ProtobufReader::read_varint() {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos_ >= data_.size())
      throw Error(ErrorKind::ModelCorrupt, origin_ + ": truncated protobuf varint");
    const std::uint8_t byte = data_[pos_++];
    value |= std::uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) return value;
  }
  throw Error(ErrorKind::ModelCorrupt, origin_ + ": protobuf varint too long");
}

ProtobufReader::Field ProtobufReader::next() {
  Field field;
  const auto key = read_varint();
  field.number = static_cast<std::uint32_t>(key >> 3);
  field.wire_type = static_cast<std::uint32_t>(key & 7);
  const auto take = [&](std::uint64_t n) {
    if (n > data_.size() - pos_)
      throw Error(ErrorKind::ModelCorrupt, origin_ + ": truncated protobuf field");
    auto bytes = data_.subspan(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return bytes;
  };
  const auto little_endian = [](std::span<const std::uint8_t> b) {
    std::uint64_t v = 0;
    for (std::size_t i = b.size(); i-- > 0;) v = (v << 8) | b[i];
    return v;
  };
  switch (field.wire_type) {
    case 0: field.varint = read_varint(); break;
    case 1: field.varint = little_endian(take(8)); break;
    case 2: field.bytes = take(read_varint()); break;
    case 5: field.varint = little_endian(take(4)); break;
    default:
      throw Error(ErrorKind::ModelCorrupt,
                  origin_ + ": unsupported protobuf wire type " + std::to_string(field.wire_type));
  }
  return field;
}

}  // namespace drs
