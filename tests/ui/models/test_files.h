// Small model-like files for the import tests: safetensors written by hand (so the
// tests need no Torch), JSON configs, zip-magic checkpoints.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QtEndian>

struct FakeTensor {
  QString name;
  QList<qint64> shape;
  qint64 bytesOverride = -1;  // store this many bytes instead of numel*4 (corruption)
};

// F32 tensors filled with a ramp, laid out in the given order.
inline QByteArray makeSafetensors(const QList<FakeTensor>& tensors) {
  QJsonObject header;
  QByteArray data;
  for (const FakeTensor& t : tensors) {
    qint64 numel = 1;
    QJsonArray shape;
    for (const qint64 d : t.shape) {
      numel *= d;
      shape.append(static_cast<double>(d));
    }
    const qint64 bytes = t.bytesOverride >= 0 ? t.bytesOverride : numel * 4;
    const qint64 begin = data.size();
    for (qint64 i = 0; i < bytes / 4; ++i) {
      const float value = static_cast<float>(i) * 0.5f;
      data.append(reinterpret_cast<const char*>(&value), 4);
    }
    data.append(QByteArray(bytes % 4, '\0'));
    header.insert(
        t.name,
        QJsonObject{{QStringLiteral("dtype"), QStringLiteral("F32")},
                    {QStringLiteral("shape"), shape},
                    {QStringLiteral("data_offsets"),
                     QJsonArray{static_cast<double>(begin), static_cast<double>(data.size())}}});
  }
  QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  while (json.size() % 8 != 0) json.append(' ');
  QByteArray out(8, '\0');
  qToLittleEndian<quint64>(static_cast<quint64>(json.size()), out.data());
  return out + json + data;
}

inline void writeFile(const QString& path, const QByteArray& data) {
  QFile file(path);
  if (file.open(QIODevice::WriteOnly)) file.write(data);
}
