#include "onnx/onnx_model.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <limits>

#include "drs/error.h"
#include "models/protobuf_reader.h"

namespace drs::onnx {
namespace {

using Field = ProtobufReader::Field;
using Bytes = std::span<const std::uint8_t>;

constexpr std::uint32_t kVarint = 0;
constexpr std::uint32_t kFixed64 = 1;
constexpr std::uint32_t kLength = 2;
constexpr std::uint32_t kFixed32 = 5;

[[noreturn]] void corrupt(const std::string& origin, const std::string& what) {
  throw Error(ErrorKind::ModelCorrupt, origin + ": " + what);
}

void expect_wire(const Field& f, std::uint32_t wire, const std::string& origin,
                 const char* message) {
  if (f.wire_type != wire)
    corrupt(origin, std::string(message) + " (field " + std::to_string(f.number) +
                        ") has wire type " + std::to_string(f.wire_type));
}

std::string text(const Field& f, const std::string& origin, const char* message) {
  expect_wire(f, kLength, origin, message);
  return {reinterpret_cast<const char*>(f.bytes.data()), f.bytes.size()};
}

// A repeated scalar field: either one value (its own wire type) or a packed run.
template <typename Fn>
void repeated(const Field& f, std::uint32_t wire, const std::string& origin, Fn&& each) {
  if (f.wire_type == wire) {
    each(f.varint);
    return;
  }
  expect_wire(f, kLength, origin, "a repeated number field");
  if (wire == kVarint) {
    // Packed varints have no keys: decoded here with the same bounds checks.
    std::size_t pos = 0;
    while (pos < f.bytes.size()) {
      std::uint64_t value = 0;
      int shift = 0;
      for (;; shift += 7) {
        if (shift >= 64) corrupt(origin, "packed varint too long");
        if (pos >= f.bytes.size()) corrupt(origin, "truncated packed varint");
        const std::uint8_t byte = f.bytes[pos++];
        value |= std::uint64_t{byte & 0x7fu} << shift;
        if ((byte & 0x80) == 0) break;
      }
      each(value);
    }
    return;
  }
  const std::size_t width = wire == kFixed32 ? 4 : 8;
  if (f.bytes.size() % width != 0) corrupt(origin, "packed fixed-width field has a partial value");
  for (std::size_t pos = 0; pos < f.bytes.size(); pos += width) {
    std::uint64_t value = 0;
    for (std::size_t b = width; b-- > 0;) value = (value << 8) | f.bytes[pos + b];
    each(value);
  }
}

float as_float(std::uint64_t bits) {
  return std::bit_cast<float>(static_cast<std::uint32_t>(bits));
}

void append_le(std::vector<std::uint8_t>& out, std::uint64_t value, std::size_t width) {
  for (std::size_t b = 0; b < width; ++b)
    out.push_back(static_cast<std::uint8_t>(value >> (8 * b)));
}

std::int64_t checked_count(const std::vector<std::int64_t>& dims, const std::string& origin,
                           const std::string& name) {
  std::int64_t count = 1;
  for (const auto d : dims) {
    if (d < 0) corrupt(origin, "tensor '" + name + "' has a negative dimension");
    if (d != 0 && count > std::numeric_limits<std::int32_t>::max() / d)
      corrupt(origin, "tensor '" + name + "' is too large");
    count *= d;
  }
  return count;
}

// The typed repeated fields of TensorProto, gathered as 64-bit values.
struct TypedValues {
  std::vector<std::uint64_t> values;
  int field = 0;  // which TensorProto field they came from
};

// The TensorProto field that holds values of `type` when raw_data is not used.
int typed_field_of(DataType type) {
  switch (type) {
    case DataType::Float: return 4;
    case DataType::Int64: return 7;
    case DataType::Double: return 10;
    case DataType::UInt32:
    case DataType::UInt64: return 11;
    default: return 5;  // int32_data also carries the 8- and 16-bit types and bool
  }
}

// TensorProto. Typed fields are converted to little-endian bytes of the tensor's type.
Tensor parse_tensor(Bytes bytes, const std::string& origin) {
  Tensor t;
  ProtobufReader reader(bytes, origin);
  std::optional<Bytes> raw;
  TypedValues typed;
  bool external = false;
  bool strings = false;
  bool segmented = false;
  while (!reader.done()) {
    const auto f = reader.next();
    const auto collect = [&](std::uint32_t wire) {
      if (typed.field != 0 && typed.field != static_cast<int>(f.number))
        corrupt(origin, "tensor '" + t.name + "' has values in two typed fields");
      typed.field = static_cast<int>(f.number);
      repeated(f, wire, origin, [&](std::uint64_t v) { typed.values.push_back(v); });
    };
    switch (f.number) {
      case 1:
        repeated(f, kVarint, origin,
                 [&](std::uint64_t v) { t.dims.push_back(static_cast<std::int64_t>(v)); });
        break;
      case 2:
        expect_wire(f, kVarint, origin, "TensorProto.data_type");
        t.type = static_cast<DataType>(static_cast<std::int32_t>(f.varint));
        break;
      case 3: segmented = true; break;
      case 4: collect(kFixed32); break;
      case 5: collect(kVarint); break;
      case 6: strings = true; break;
      case 7: collect(kVarint); break;
      case 8: t.name = text(f, origin, "TensorProto.name"); break;
      case 9:
        expect_wire(f, kLength, origin, "TensorProto.raw_data");
        raw = f.bytes;
        break;
      case 10: collect(kFixed64); break;
      case 11: collect(kVarint); break;
      case 13: external = true; break;
      case 14:
        expect_wire(f, kVarint, origin, "TensorProto.data_location");
        external = external || f.varint == 1;
        break;
      default: break;
    }
  }
  const std::string what = "tensor '" + t.name + "'";
  if (external)
    corrupt(origin, what +
                        " keeps its data in an external file, which is not supported: "
                        "save the model with every tensor inside the .onnx file");
  if (segmented) corrupt(origin, what + " is segmented, which is not supported");
  if (t.type == DataType::String || strings)
    corrupt(origin, what + " holds strings, which are not supported");
  const std::size_t width = element_size(t.type);
  if (width == 0 || t.type == DataType::Complex64 || t.type == DataType::Complex128)
    corrupt(origin, what + " has an unsupported data type " + to_string(t.type));
  const auto count = static_cast<std::size_t>(checked_count(t.dims, origin, t.name));
  if (raw) {
    if (typed.field != 0) corrupt(origin, what + " has both raw_data and typed values");
    if (raw->size() != count * width)
      corrupt(origin, what + " has " + std::to_string(raw->size()) + " bytes of raw_data, " +
                          std::to_string(count * width) + " expected for its shape");
    t.data.assign(raw->begin(), raw->end());
    return t;
  }
  if (typed.field != 0 && typed.field != typed_field_of(t.type))
    corrupt(origin, what + " stores its " + to_string(t.type) + " values in field " +
                        std::to_string(typed.field));
  if (typed.values.size() != count)
    corrupt(origin, what + " has " + std::to_string(typed.values.size()) + " values, " +
                        std::to_string(count) + " expected for its shape");
  t.data.reserve(count * width);
  for (const auto v : typed.values) append_le(t.data, v, width);
  return t;
}

void parse_dims(Bytes shape, ValueInfo& info, const std::string& origin) {
  ProtobufReader reader(shape, origin);
  info.has_shape = true;
  while (!reader.done()) {
    const auto f = reader.next();
    if (f.number != 1) continue;
    expect_wire(f, kLength, origin, "TensorShapeProto.dim");
    std::int64_t dim = -1;
    ProtobufReader dim_reader(f.bytes, origin);
    while (!dim_reader.done()) {
      const auto d = dim_reader.next();
      if (d.number == 1 && d.wire_type == kVarint) dim = static_cast<std::int64_t>(d.varint);
    }
    info.dims.push_back(dim < 0 ? -1 : dim);
  }
}

ValueInfo parse_value_info(Bytes bytes, const std::string& origin) {
  ValueInfo info;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    if (f.number == 1) {
      info.name = text(f, origin, "ValueInfoProto.name");
    } else if (f.number == 2) {
      expect_wire(f, kLength, origin, "ValueInfoProto.type");
      ProtobufReader type_reader(f.bytes, origin);
      while (!type_reader.done()) {
        const auto t = type_reader.next();
        if (t.number != 1) continue;  // sequence, map, optional types stay non-tensors
        expect_wire(t, kLength, origin, "TypeProto.tensor_type");
        info.is_tensor = true;
        ProtobufReader tensor_reader(t.bytes, origin);
        while (!tensor_reader.done()) {
          const auto e = tensor_reader.next();
          if (e.number == 1 && e.wire_type == kVarint)
            info.type = static_cast<DataType>(static_cast<std::int32_t>(e.varint));
          else if (e.number == 2 && e.wire_type == kLength)
            parse_dims(e.bytes, info, origin);
        }
      }
    }
  }
  return info;
}

Attribute parse_attribute(Bytes bytes, const std::string& origin) {
  Attribute a;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    switch (f.number) {
      case 1: a.name = text(f, origin, "AttributeProto.name"); break;
      case 2:
        expect_wire(f, kFixed32, origin, "AttributeProto.f");
        a.f = as_float(f.varint);
        break;
      case 3:
        expect_wire(f, kVarint, origin, "AttributeProto.i");
        a.i = static_cast<std::int64_t>(f.varint);
        break;
      case 4: a.s = text(f, origin, "AttributeProto.s"); break;
      case 5:
      case 10:
        expect_wire(f, kLength, origin, "AttributeProto.t");
        a.tensors.push_back(parse_tensor(f.bytes, origin));
        break;
      case 7:
        repeated(f, kFixed32, origin, [&](std::uint64_t v) { a.floats.push_back(as_float(v)); });
        break;
      case 8:
        repeated(f, kVarint, origin,
                 [&](std::uint64_t v) { a.ints.push_back(static_cast<std::int64_t>(v)); });
        break;
      case 9: a.strings.push_back(text(f, origin, "AttributeProto.strings")); break;
      case 20:
        expect_wire(f, kVarint, origin, "AttributeProto.type");
        a.type = static_cast<AttributeType>(static_cast<std::int32_t>(f.varint));
        break;
      default: break;  // sub-graphs, sparse tensors, type protos: recorded by type only
    }
  }
  return a;
}

Node parse_node(Bytes bytes, const std::string& origin) {
  Node n;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    switch (f.number) {
      case 1: n.inputs.push_back(text(f, origin, "NodeProto.input")); break;
      case 2: n.outputs.push_back(text(f, origin, "NodeProto.output")); break;
      case 3: n.name = text(f, origin, "NodeProto.name"); break;
      case 4: n.op_type = text(f, origin, "NodeProto.op_type"); break;
      case 5:
        expect_wire(f, kLength, origin, "NodeProto.attribute");
        n.attributes.push_back(parse_attribute(f.bytes, origin));
        break;
      case 7: n.domain = text(f, origin, "NodeProto.domain"); break;
      default: break;
    }
  }
  return n;
}

Graph parse_graph(Bytes bytes, const std::string& origin) {
  Graph g;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    switch (f.number) {
      case 1:
        expect_wire(f, kLength, origin, "GraphProto.node");
        g.nodes.push_back(parse_node(f.bytes, origin));
        break;
      case 2: g.name = text(f, origin, "GraphProto.name"); break;
      case 5:
        expect_wire(f, kLength, origin, "GraphProto.initializer");
        g.initializers.push_back(parse_tensor(f.bytes, origin));
        break;
      case 11:
      case 12:
      case 13: {
        expect_wire(f, kLength, origin, "GraphProto value info");
        auto& list = f.number == 11 ? g.inputs : f.number == 12 ? g.outputs : g.value_info;
        list.push_back(parse_value_info(f.bytes, origin));
        break;
      }
      case 15: corrupt(origin, "the graph has sparse initializers, which are not supported");
      default: break;
    }
  }
  return g;
}

}  // namespace

std::string to_string(DataType type) {
  static constexpr const char* kNames[] = {"undefined",  "float32", "uint8",  "int8",   "uint16",
                                           "int16",      "int32",   "int64",  "string", "bool",
                                           "float16",    "double",  "uint32", "uint64", "complex64",
                                           "complex128", "bfloat16"};
  const auto code = static_cast<std::int32_t>(type);
  if (code >= 0 && code < static_cast<std::int32_t>(std::size(kNames))) return kNames[code];
  return "data type " + std::to_string(code);
}

std::size_t element_size(DataType type) {
  switch (type) {
    case DataType::Bool:
    case DataType::UInt8:
    case DataType::Int8: return 1;
    case DataType::UInt16:
    case DataType::Int16:
    case DataType::Float16:
    case DataType::BFloat16: return 2;
    case DataType::Float:
    case DataType::Int32:
    case DataType::UInt32: return 4;
    case DataType::Int64:
    case DataType::UInt64:
    case DataType::Double:
    case DataType::Complex64: return 8;
    case DataType::Complex128: return 16;
    default: return 0;
  }
}

std::int64_t Tensor::element_count() const {
  std::int64_t count = 1;
  for (const auto d : dims) count *= d;
  return count;
}

const Attribute* Node::find(std::string_view attribute) const {
  for (const auto& a : attributes)
    if (a.name == attribute) return &a;
  return nullptr;
}

std::string Node::describe() const {
  return "node '" + name + "' (" + op_type + ")";
}

std::int64_t Node::get_int(std::string_view attribute, std::int64_t fallback) const {
  const auto* a = find(attribute);
  if (a == nullptr) return fallback;
  if (a->type != AttributeType::Int)
    throw Error(ErrorKind::ModelCorrupt,
                describe() + ": attribute '" + a->name + "' is not an integer");
  return a->i;
}

float Node::get_float(std::string_view attribute, float fallback) const {
  const auto* a = find(attribute);
  if (a == nullptr) return fallback;
  if (a->type != AttributeType::Float)
    throw Error(ErrorKind::ModelCorrupt,
                describe() + ": attribute '" + a->name + "' is not a float");
  return a->f;
}

std::optional<std::vector<std::int64_t>> Node::get_ints(std::string_view attribute) const {
  const auto* a = find(attribute);
  if (a == nullptr) return std::nullopt;
  if (a->type != AttributeType::Ints)
    throw Error(ErrorKind::ModelCorrupt,
                describe() + ": attribute '" + a->name + "' is not a list of integers");
  return a->ints;
}

std::int64_t Model::default_opset() const {
  for (const auto& [domain, version] : opsets)
    if (domain.empty() || domain == "ai.onnx") return version;
  return 0;
}

Model parse_model(std::span<const std::uint8_t> bytes, const std::string& origin) {
  Model m;
  bool has_graph = false;
  ProtobufReader reader(bytes, origin);
  while (!reader.done()) {
    const auto f = reader.next();
    switch (f.number) {
      case 1:
        expect_wire(f, kVarint, origin, "ModelProto.ir_version");
        m.ir_version = static_cast<std::int64_t>(f.varint);
        break;
      case 2: m.producer_name = text(f, origin, "ModelProto.producer_name"); break;
      case 3: m.producer_version = text(f, origin, "ModelProto.producer_version"); break;
      case 7:
        expect_wire(f, kLength, origin, "ModelProto.graph");
        if (has_graph) corrupt(origin, "the model has two graphs");
        m.graph = parse_graph(f.bytes, origin);
        has_graph = true;
        break;
      case 8: {
        expect_wire(f, kLength, origin, "ModelProto.opset_import");
        std::string domain;
        std::int64_t version = 0;
        ProtobufReader opset(f.bytes, origin);
        while (!opset.done()) {
          const auto o = opset.next();
          if (o.number == 1) domain = text(o, origin, "OperatorSetIdProto.domain");
          if (o.number == 2 && o.wire_type == kVarint)
            version = static_cast<std::int64_t>(o.varint);
        }
        m.opsets[domain] = version;
        break;
      }
      default: break;
    }
  }
  if (!has_graph) corrupt(origin, "not an ONNX model (no graph)");
  if (m.ir_version <= 0) corrupt(origin, "not an ONNX model (no IR version)");
  return m;
}

Model read_model_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::ModelMissing, file.string() + ": cannot open the ONNX model");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  in.seekg(0);
  std::vector<std::uint8_t> bytes(size);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    throw Error(ErrorKind::ModelCorrupt, file.string() + ": cannot read the ONNX model");
  return parse_model(bytes, file.string());
}

}  // namespace drs::onnx
