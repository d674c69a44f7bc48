#include "ui/models/checkpoint_conversion.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtEndian>

#include <span>
#include <vector>

#include "drs/error.h"
#include "models/torch_pickle.h"
#include "models/zip_archive.h"

namespace drs::ui {
namespace {

using models::dtypeBytes;
using models::PickledTensor;
using models::PickleValue;
using models::PickleValuePtr;
using models::unpickleCheckpoint;
using models::ZipArchive;
using Kind = PickleValue::Kind;

struct NamedTensor {
  std::string name;
  PickledTensor tensor;
  std::span<const std::byte> storage;
};

[[noreturn]] void corrupt(const std::string& origin, const std::string& why) {
  throw Error(ErrorKind::ModelCorrupt, origin + ": " + why);
}

// "<archive>/data.pkl": torch.save names the folder after the file it wrote first.
std::string archivePrefix(const ZipArchive& zip, const std::string& origin) {
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

const PickleValue& stateDict(const PickleValue& top, const std::string& key,
                             const std::string& origin) {
  if (top.kind != Kind::Dict) corrupt(origin, "the checkpoint is not a dictionary");
  if (key.empty()) return top;
  for (const auto& [k, v] : top.dict)
    if (k->kind == Kind::String && k->text == key) {
      if (v->kind != Kind::Dict) corrupt(origin, "\"" + key + "\" is not a dictionary");
      return *v;
    }
  corrupt(origin, "no \"" + key + "\" entry at the top level");
}

// Checks that every element the view addresses lies inside its storage.
void checkBounds(const NamedTensor& t, const std::string& origin) {
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

std::int64_t numel(const PickledTensor& t) {
  std::int64_t n = 1;
  for (const std::int64_t d : t.shape) n *= d;
  return n;
}

bool isContiguous(const PickledTensor& t) {
  std::int64_t expected = 1;
  for (std::size_t i = t.shape.size(); i-- > 0;) {
    if (t.shape[i] != 1 && t.stride[i] != expected) return false;
    expected *= t.shape[i];
  }
  return true;
}

// The tensor's elements in row-major order (a copy only when the view is strided).
std::vector<std::byte> gather(const NamedTensor& t) {
  const auto& d = t.tensor;
  const std::size_t size = static_cast<std::size_t>(dtypeBytes(d.dtype));
  const std::int64_t count = numel(d);
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

std::vector<NamedTensor> collect(const PickleValue& dict, const ZipArchive& zip,
                                 const std::string& prefix, const std::string& origin) {
  std::vector<NamedTensor> tensors;
  for (const auto& [k, v] : dict.dict) {
    if (k->kind != Kind::String) corrupt(origin, "a state-dict key is not a string");
    if (v->kind != Kind::Tensor) corrupt(origin, "entry \"" + k->text + "\" is not a tensor");
    const std::string entry = prefix + "/data/" + v->tensor.storageKey;
    if (!zip.contains(entry))
      corrupt(origin, "tensor \"" + k->text + "\": storage " + entry + " missing");
    NamedTensor t{k->text, v->tensor, zip.entry(entry)};
    checkBounds(t, origin);
    tensors.push_back(std::move(t));
  }
  return tensors;
}

QByteArray header(const std::vector<NamedTensor>& tensors, const std::string& origin) {
  QJsonObject json;
  json.insert(QStringLiteral("__metadata__"),
              QJsonObject{{QStringLiteral("format"), QStringLiteral("pt")},
                          {QStringLiteral("converted_from"), QString::fromStdString(origin)}});
  std::int64_t offset = 0;
  for (const NamedTensor& t : tensors) {
    QJsonArray shape;
    for (const std::int64_t d : t.tensor.shape) shape.append(static_cast<double>(d));
    const std::int64_t bytes = numel(t.tensor) * dtypeBytes(t.tensor.dtype);
    json.insert(QString::fromStdString(t.name),
                QJsonObject{{QStringLiteral("dtype"), QString::fromStdString(t.tensor.dtype)},
                            {QStringLiteral("shape"), shape},
                            {QStringLiteral("data_offsets"),
                             QJsonArray{static_cast<double>(offset),
                                        static_cast<double>(offset + bytes)}}});
    offset += bytes;
  }
  QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
  while (text.size() % 8 != 0) text.append(' ');  // data section 8-byte aligned
  QByteArray out(8, '\0');
  qToLittleEndian<quint64>(static_cast<quint64>(text.size()), out.data());
  return out + text;
}

}  // namespace

bool checkpointConversionAvailable() {
  return true;
}

ConversionReport convertCheckpoint(const std::filesystem::path& checkpoint,
                                   const std::filesystem::path& output, const std::string& key) {
  const std::string origin = checkpoint.filename().string();
  QFile in(QString::fromStdString(checkpoint.string()));
  if (!in.open(QIODevice::ReadOnly))
    throw Error(ErrorKind::ModelMissing,
                checkpoint.string() + ": " + in.errorString().toStdString());
  const qint64 fileSize = in.size();
  const uchar* mapped = fileSize > 0 ? in.map(0, fileSize) : nullptr;
  if (mapped == nullptr) corrupt(origin, "empty or unreadable");
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(mapped),
                                         static_cast<std::size_t>(fileSize));

  const ZipArchive zip(bytes, origin);
  const std::string prefix = archivePrefix(zip, origin);
  const PickleValuePtr top = unpickleCheckpoint(zip.entry(prefix + "/data.pkl"), origin);
  const std::vector<NamedTensor> tensors =
      collect(stateDict(*top, key, origin), zip, prefix, origin);

  QSaveFile out(QString::fromStdString(output.string()));
  const auto writeFailed = [&] {
    throw Error(ErrorKind::Output, output.string() + ": " + out.errorString().toStdString());
  };
  if (!out.open(QIODevice::WriteOnly)) writeFailed();
  const QByteArray head = header(tensors, origin);
  if (out.write(head) != head.size()) writeFailed();
  ConversionReport report;
  for (const NamedTensor& t : tensors) {
    const auto count = static_cast<std::size_t>(numel(t.tensor));
    const std::size_t size = static_cast<std::size_t>(dtypeBytes(t.tensor.dtype));
    std::span<const std::byte> data;
    std::vector<std::byte> copy;
    if (count == 0) {
      data = {};
    } else if (isContiguous(t.tensor)) {
      data = t.storage.subspan(static_cast<std::size_t>(t.tensor.offset) * size, count * size);
    } else {
      copy = gather(t);
      data = copy;
    }
    if (!data.empty() &&
        out.write(reinterpret_cast<const char*>(data.data()), static_cast<qint64>(data.size())) !=
            static_cast<qint64>(data.size()))
      writeFailed();
    report.bytes += data.size();
    ++report.tensors;
  }
  if (!out.commit()) writeFailed();
  return report;
}

}  // namespace drs::ui
