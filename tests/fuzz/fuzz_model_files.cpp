// The model manager's parsers on arbitrary bytes: the safetensors header check that
// gates imports, and the manifest reader that runs at every start-up. Neither may
// crash; an accepted header must describe byte ranges inside the image.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "ui/models/manifest.h"
#include "ui/models/safetensors_header.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

  drs::ui::SafetensorsHeader header;
  QString error;
  if (drs::ui::parseSafetensorsHeader(bytes, &header, &error)) {
    for (const drs::ui::SafetensorsEntry& e : header.tensors)
      if (e.begin < 0 || e.end < e.begin || header.dataOffset + e.end > bytes.size()) std::abort();
  } else if (error.isEmpty()) {
    std::abort();  // a refusal must say why
  }

  static QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("manifest.json"));
  QFile file(path);
  if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    file.write(bytes);
    file.close();
    drs::ui::Manifest manifest;
    drs::ui::readManifest(path, &manifest, &error);
  }
  return 0;
}
