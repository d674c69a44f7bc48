// The model manager's parsers on arbitrary bytes: the safetensors header check that
// gates imports, the zip reader and restricted unpickler of the .pt converter, and
// the manifest reader that runs at every start-up. None may crash; an accepted header
// must describe byte ranges inside the image; refusals are drs::Error.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drs/error.h"
#include "models/torch_pickle.h"
#include "models/zip_archive.h"
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

  try {  // as a whole checkpoint, then as a bare data.pkl
    const std::span<const std::byte> image(reinterpret_cast<const std::byte*>(data), size);
    const drs::models::ZipArchive zip(image, "fuzz");
    for (const auto& [name, entry] : zip.entries())
      if (name.ends_with("/data.pkl")) drs::models::unpickleCheckpoint(entry, "fuzz");
  } catch (const drs::Error&) {
  }
  try {
    drs::models::unpickleCheckpoint(std::span(reinterpret_cast<const std::byte*>(data), size),
                                    "fuzz");
  } catch (const drs::Error&) {
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
