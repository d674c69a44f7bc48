#include "ui/models/safetensors_header.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace drs::ui {
namespace {

// Header JSON larger than this is not a model file (the format's own limit is 100 MB).
constexpr qint64 kMaxHeader = 100LL * 1024 * 1024;

int dtypeSize(const QString& dtype) {
  static const QMap<QString, int> sizes{
      {QStringLiteral("BOOL"), 1},    {QStringLiteral("U8"), 1},      {QStringLiteral("I8"), 1},
      {QStringLiteral("F8_E4M3"), 1}, {QStringLiteral("F8_E5M2"), 1}, {QStringLiteral("I16"), 2},
      {QStringLiteral("U16"), 2},     {QStringLiteral("F16"), 2},     {QStringLiteral("BF16"), 2},
      {QStringLiteral("I32"), 4},     {QStringLiteral("U32"), 4},     {QStringLiteral("F32"), 4},
      {QStringLiteral("I64"), 8},     {QStringLiteral("U64"), 8},     {QStringLiteral("F64"), 8}};
  return sizes.value(dtype, 0);
}

bool parseEntry(const QString& name, const QJsonValue& value, qint64 dataSize,
                SafetensorsEntry* entry, QString* error) {
  const auto bad = [&](const QString& why) {
    *error = QStringLiteral("tensor \"%1\": %2").arg(name, why);
    return false;
  };
  if (!value.isObject()) return bad(QStringLiteral("entry is not an object"));
  const QJsonObject o = value.toObject();
  entry->name = name;
  entry->dtype = o.value(QStringLiteral("dtype")).toString();
  const int elementSize = dtypeSize(entry->dtype);
  if (elementSize == 0) return bad(QStringLiteral("unknown dtype \"%1\"").arg(entry->dtype));
  qint64 numel = 1;
  for (const QJsonValue d : o.value(QStringLiteral("shape")).toArray()) {
    const double dim = d.toDouble(-1);
    if (!d.isDouble() || dim < 0 || dim > 1e15 ||
        dim != static_cast<double>(static_cast<qint64>(dim)))
      return bad(QStringLiteral("invalid shape"));
    entry->shape.append(static_cast<qint64>(dim));
    if (entry->shape.back() != 0 &&
        numel > std::numeric_limits<qint64>::max() / entry->shape.back())
      return bad(QStringLiteral("shape overflows"));
    numel *= entry->shape.back();
  }
  if (!o.value(QStringLiteral("shape")).isArray()) return bad(QStringLiteral("missing shape"));
  const QJsonArray offsets = o.value(QStringLiteral("data_offsets")).toArray();
  if (offsets.size() != 2 || !offsets[0].isDouble() || !offsets[1].isDouble())
    return bad(QStringLiteral("missing data_offsets"));
  // Doubles outside [0, 2^53] cannot be exact offsets (and would overflow the cast).
  constexpr double kMaxExact = 9007199254740992.0;
  for (const QJsonValue v : offsets)
    if (v.toDouble() < 0 || v.toDouble() > kMaxExact)
      return bad(QStringLiteral("invalid data_offsets"));
  entry->begin = static_cast<qint64>(offsets[0].toDouble());
  entry->end = static_cast<qint64>(offsets[1].toDouble());
  if (numel > std::numeric_limits<qint64>::max() / elementSize)
    return bad(QStringLiteral("shape overflows"));
  if (entry->begin < 0 || entry->end < entry->begin || entry->end > dataSize)
    return bad(QStringLiteral("data_offsets [%1, %2] outside the %3-byte data section")
                   .arg(entry->begin)
                   .arg(entry->end)
                   .arg(dataSize));
  if (entry->end - entry->begin != numel * elementSize)
    return bad(QStringLiteral("shape %1 of %2 needs %3 bytes but the file holds %4")
                   .arg(shapeString(entry->shape), entry->dtype)
                   .arg(numel * elementSize)
                   .arg(entry->end - entry->begin));
  return true;
}

}  // namespace

namespace {

// The little-endian header length in `first8`, validated against the file size; 0 if bad.
quint64 headerLength(const QByteArray& first8, qint64 fileSize) {
  if (first8.size() != 8) return 0;
  quint64 length = 0;
  for (int i = 7; i >= 0; --i) length = (length << 8) | static_cast<unsigned char>(first8[i]);
  if (length < 2 || length > static_cast<quint64>(std::min(kMaxHeader, fileSize - 8))) return 0;
  return length;
}

// Everything after the length prefix: JSON, entries, overlaps.
bool parseJson(const QByteArray& json, SafetensorsHeader* h, QString* why) {
  QJsonParseError parse{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
  if (!doc.isObject()) {
    *why = QStringLiteral("header is not JSON: ") + parse.errorString();
    return false;
  }
  const QJsonObject root = doc.object();
  const qint64 dataSize = h->fileSize - h->dataOffset;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == QLatin1String("__metadata__")) {
      const QJsonObject meta = it.value().toObject();
      for (auto m = meta.begin(); m != meta.end(); ++m)
        h->metadata.insert(m.key(), m.value().toString());
      continue;
    }
    SafetensorsEntry entry;
    if (!parseEntry(it.key(), it.value(), dataSize, &entry, why)) return false;
    h->tensors.append(std::move(entry));
  }
  // Byte ranges must not overlap (each tensor its own bytes; empty tensors own none).
  QList<SafetensorsEntry> sorted;
  for (const SafetensorsEntry& e : h->tensors)
    if (e.end > e.begin) sorted.append(e);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.begin < b.begin; });
  for (qsizetype i = 1; i < sorted.size(); ++i) {
    if (sorted[i].begin < sorted[i - 1].end) {
      *why = QStringLiteral("tensor \"%1\": bytes overlap tensor \"%2\"")
                 .arg(sorted[i].name, sorted[i - 1].name);
      return false;
    }
  }
  return true;
}

}  // namespace

bool readSafetensorsHeader(const QString& path, SafetensorsHeader* header, QString* error) {
  QString why;
  const auto fail = [&](const QString& message) {
    if (error) *error = QStringLiteral("%1: %2").arg(path, message);
    return false;
  };
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return fail(file.errorString());
  SafetensorsHeader h;
  h.fileSize = file.size();
  const quint64 length = headerLength(file.read(8), h.fileSize);
  if (length == 0) return fail(QStringLiteral("not a safetensors file (bad header length)"));
  h.dataOffset = 8 + static_cast<qint64>(length);
  if (!parseJson(file.read(static_cast<qint64>(length)), &h, &why)) return fail(why);
  *header = std::move(h);
  return true;
}

bool parseSafetensorsHeader(const QByteArray& image, SafetensorsHeader* header, QString* error) {
  SafetensorsHeader h;
  h.fileSize = image.size();
  const quint64 length = headerLength(image.left(8), h.fileSize);
  if (length == 0) {
    if (error) *error = QStringLiteral("not a safetensors file (bad header length)");
    return false;
  }
  h.dataOffset = 8 + static_cast<qint64>(length);
  QString why;
  if (!parseJson(image.mid(8, static_cast<qsizetype>(length)), &h, &why)) {
    if (error) *error = why;
    return false;
  }
  *header = std::move(h);
  return true;
}

QString shapeString(const QList<qint64>& shape) {
  QStringList dims;
  for (const qint64 d : shape) dims.append(QString::number(d));
  return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

}  // namespace drs::ui
