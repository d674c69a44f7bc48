// The parts of an ONNX file (onnx.proto3 ModelProto) an inference graph needs:
// nodes with their attributes, initializers, graph inputs/outputs with their declared
// types, opset imports. Torch-free on purpose: the fuzz target links this alone, and
// every read is bounds-checked (a corrupt file is a drs::Error, never an overread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace drs::onnx {

// TensorProto.DataType codes.
enum class DataType : std::int32_t {
  Undefined = 0,
  Float = 1,
  UInt8 = 2,
  Int8 = 3,
  UInt16 = 4,
  Int16 = 5,
  Int32 = 6,
  Int64 = 7,
  String = 8,
  Bool = 9,
  Float16 = 10,
  Double = 11,
  UInt32 = 12,
  UInt64 = 13,
  Complex64 = 14,
  Complex128 = 15,
  BFloat16 = 16,
};

[[nodiscard]] std::string to_string(DataType type);
// Bytes per element of a fixed-size type; 0 for String/Undefined/unknown codes.
[[nodiscard]] std::size_t element_size(DataType type);

// A tensor's values as little-endian bytes, whichever field of TensorProto held them.
struct Tensor {
  std::string name;
  DataType type = DataType::Undefined;
  std::vector<std::int64_t> dims;
  std::vector<std::uint8_t> data;  // element_count() * element_size(type) bytes

  [[nodiscard]] std::int64_t element_count() const;
};

enum class AttributeType : std::int32_t {
  Undefined = 0,
  Float = 1,
  Int = 2,
  String = 3,
  Tensor = 4,
  Graph = 5,
  Floats = 6,
  Ints = 7,
  Strings = 8,
  Tensors = 9,
  Graphs = 10,
  SparseTensor = 11,
  SparseTensors = 12,
  TypeProto = 13,
  TypeProtos = 14,
};

// Sub-graphs and sparse tensors are recorded by type only: no supported op takes them.
struct Attribute {
  std::string name;
  AttributeType type = AttributeType::Undefined;
  float f = 0;
  std::int64_t i = 0;
  std::string s;
  std::vector<Tensor> tensors;  // one for type Tensor
  std::vector<float> floats;
  std::vector<std::int64_t> ints;
  std::vector<std::string> strings;
};

struct Node {
  std::string name;
  std::string op_type;
  std::string domain;
  std::vector<std::string> inputs;  // "" = an omitted optional input
  std::vector<std::string> outputs;
  std::vector<Attribute> attributes;

  [[nodiscard]] const Attribute* find(std::string_view attribute) const;
  // Typed accessors: the default when absent, a drs::Error when present with another type.
  [[nodiscard]] std::int64_t get_int(std::string_view attribute, std::int64_t fallback) const;
  [[nodiscard]] float get_float(std::string_view attribute, float fallback) const;
  [[nodiscard]] std::optional<std::vector<std::int64_t>> get_ints(std::string_view attribute) const;
  // "node 'name' (OpType)" for messages.
  [[nodiscard]] std::string describe() const;
};

// A declared graph input/output: element type and shape (-1 for a symbolic or unknown
// dimension; has_shape false when no shape is declared at all).
struct ValueInfo {
  std::string name;
  DataType type = DataType::Undefined;
  bool is_tensor = false;
  std::vector<std::int64_t> dims;
  bool has_shape = false;
};

struct Graph {
  std::string name;
  std::vector<Node> nodes;
  std::vector<Tensor> initializers;
  std::vector<ValueInfo> inputs;
  std::vector<ValueInfo> outputs;
  std::vector<ValueInfo> value_info;
};

struct Model {
  std::int64_t ir_version = 0;
  std::string producer_name;
  std::string producer_version;
  std::map<std::string, std::int64_t> opsets;  // domain ("" = ai.onnx) -> version
  Graph graph;

  // The ai.onnx opset the graph was exported for (0 when not declared).
  [[nodiscard]] std::int64_t default_opset() const;
};

// Parses a serialized ModelProto. `origin` names the file in every error. Refuses
// tensors stored in external files, sparse initializers and string tensors.
[[nodiscard]] Model parse_model(std::span<const std::uint8_t> bytes, const std::string& origin);

// Reads and parses a .onnx file (ModelMissing when it does not exist).
[[nodiscard]] Model read_model_file(const std::filesystem::path& file);

}  // namespace drs::onnx
