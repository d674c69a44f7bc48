// A Torch-free reader of a safetensors file's header, for checking files before they
// are imported (format, tensor names, dtypes, shapes, byte ranges) without loading
// gigabytes or pulling Torch into the Qt side.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace drs::ui {

struct SafetensorsEntry {
  QString name;
  QString dtype;  // "F32", "F16", "BF16", "I64", ...
  QList<qint64> shape;
  qint64 begin = 0;  // byte offsets into the data section
  qint64 end = 0;
};

struct SafetensorsHeader {
  QList<SafetensorsEntry> tensors;
  QMap<QString, QString> metadata;
  qint64 dataOffset = 0;  // 8 + header length
  qint64 fileSize = 0;
};

// Reads and validates the header of `path`: length, JSON, dtype, shape, offsets inside
// the file, size == numel * dtype size, no overlaps. On failure returns false and sets
// *error, naming the offending tensor where there is one.
bool readSafetensorsHeader(const QString& path, SafetensorsHeader* header, QString* error);

// The same checks on a whole file image in memory (used by the fuzzer).
bool parseSafetensorsHeader(const QByteArray& image, SafetensorsHeader* header, QString* error);

// "[2048, 128, 31]"
QString shapeString(const QList<qint64>& shape);

}  // namespace drs::ui
