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
#include "models/torch_checkpoint.h"

namespace drs::ui {
namespace {

using models::dtypeBytes;

using NamedTensor = models::CheckpointTensor;

[[noreturn]] void corrupt(const std::string& origin, const std::string& why) {
  throw Error(ErrorKind::ModelCorrupt, origin + ": " + why);
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
    const std::int64_t bytes = models::element_count(t.tensor) * dtypeBytes(t.tensor.dtype);
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

  const std::vector<NamedTensor> tensors = models::read_checkpoint_state_dict(bytes, origin, key);

  QSaveFile out(QString::fromStdString(output.string()));
  const auto writeFailed = [&] {
    throw Error(ErrorKind::Output, output.string() + ": " + out.errorString().toStdString());
  };
  if (!out.open(QIODevice::WriteOnly)) writeFailed();
  const QByteArray head = header(tensors, origin);
  if (out.write(head) != head.size()) writeFailed();
  ConversionReport report;
  for (const NamedTensor& t : tensors) {
    const auto count = static_cast<std::size_t>(models::element_count(t.tensor));
    const std::size_t size = static_cast<std::size_t>(dtypeBytes(t.tensor.dtype));
    std::span<const std::byte> data;
    std::vector<std::byte> copy;
    if (count == 0) {
      data = {};
    } else if (models::is_contiguous(t.tensor)) {
      data = t.storage.subspan(static_cast<std::size_t>(t.tensor.offset) * size, count * size);
    } else {
      copy = models::gather(t);
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
