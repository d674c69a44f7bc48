#include "ui/models/manifest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace drs::ui {
namespace {

QJsonObject toJson(const ManifestFile& f) {
  QJsonObject o{
      {QStringLiteral("name"), f.name},     {QStringLiteral("size"), static_cast<double>(f.size)},
      {QStringLiteral("sha256"), f.sha256}, {QStringLiteral("sha256_verified"), f.sha256Verified},
      {QStringLiteral("format"), f.format}, {QStringLiteral("component"), f.component}};
  if (!f.sourceUrl.isEmpty()) o.insert(QStringLiteral("source_url"), f.sourceUrl);
  if (!f.convertedFrom.isEmpty()) o.insert(QStringLiteral("converted_from"), f.convertedFrom);
  return o;
}

ManifestFile fileFromJson(const QJsonObject& o) {
  ManifestFile f;
  f.name = o.value(QStringLiteral("name")).toString();
  f.size = static_cast<qint64>(o.value(QStringLiteral("size")).toDouble());
  f.sha256 = o.value(QStringLiteral("sha256")).toString();
  f.sha256Verified = o.value(QStringLiteral("sha256_verified")).toBool();
  f.sourceUrl = o.value(QStringLiteral("source_url")).toString();
  f.format = o.value(QStringLiteral("format")).toString();
  f.component = o.value(QStringLiteral("component")).toString();
  f.convertedFrom = o.value(QStringLiteral("converted_from")).toString();
  return f;
}

QJsonObject toJson(const ManifestLicence& l) {
  return {{QStringLiteral("component"), l.component},
          {QStringLiteral("title"), l.title},
          {QStringLiteral("licence"), l.name},
          {QStringLiteral("url"), l.url},
          {QStringLiteral("note"), l.note}};
}

ManifestLicence licenceFromJson(const QJsonObject& o) {
  return {o.value(QStringLiteral("component")).toString(),
          o.value(QStringLiteral("title")).toString(),
          o.value(QStringLiteral("licence")).toString(), o.value(QStringLiteral("url")).toString(),
          o.value(QStringLiteral("note")).toString()};
}

}  // namespace

QString formatName(FileFormat format) {
  switch (format) {
    case FileFormat::Json: return QStringLiteral("json");
    case FileFormat::TorchPickle: return QStringLiteral("torch-pickle");
    case FileFormat::TorchScript: return QStringLiteral("torchscript");
    case FileFormat::Safetensors: return QStringLiteral("safetensors");
    case FileFormat::SentencePiece: return QStringLiteral("sentencepiece");
  }
  return {};
}

bool readManifest(const QString& path, Manifest* manifest, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    return false;
  }
  QJsonParseError parse{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
  if (!doc.isObject()) {
    if (error)
      *error = QStringLiteral("%1 is not a JSON object: %2").arg(path, parse.errorString());
    return false;
  }
  const QJsonObject o = doc.object();
  Manifest m;
  m.id = o.value(QStringLiteral("id")).toString();
  m.name = o.value(QStringLiteral("name")).toString();
  m.description = o.value(QStringLiteral("description")).toString();
  m.isDemo =
      o.value(QStringLiteral("is_demo")).toBool() || o.value(QStringLiteral("demo")).toBool();
  m.maxFrames = o.value(QStringLiteral("max_frames")).toInt();
  m.source = o.value(QStringLiteral("source")).toString();
  m.installed = QDateTime::fromString(o.value(QStringLiteral("installed")).toString(), Qt::ISODate);
  for (const QJsonValue v : o.value(QStringLiteral("files")).toArray())
    m.files.append(fileFromJson(v.toObject()));
  for (const QJsonValue v : o.value(QStringLiteral("licences")).toArray())
    m.licences.append(licenceFromJson(v.toObject()));
  *manifest = std::move(m);
  return true;
}

bool writeManifest(const QString& path, const Manifest& m, QString* error) {
  QJsonArray files;
  for (const ManifestFile& f : m.files) files.append(toJson(f));
  QJsonArray licences;
  for (const ManifestLicence& l : m.licences) licences.append(toJson(l));
  QJsonObject o{{QStringLiteral("format"), QStringLiteral("drs-model-set")},
                {QStringLiteral("version"), 1},
                {QStringLiteral("id"), m.id},
                {QStringLiteral("name"), m.name},
                {QStringLiteral("description"), m.description},
                {QStringLiteral("is_demo"), m.isDemo},
                {QStringLiteral("source"), m.source},
                {QStringLiteral("installed"), m.installed.toUTC().toString(Qt::ISODate)},
                {QStringLiteral("files"), files},
                {QStringLiteral("licences"), licences}};
  if (m.maxFrames > 0) o.insert(QStringLiteral("max_frames"), m.maxFrames);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
    if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

QList<ManifestLicence> licencesOf(const CatalogSet& set) {
  QList<ManifestLicence> out;
  for (const CatalogComponent& c : set.components)
    out.append({c.id, c.title, c.licence.name, c.licence.url, c.licence.note});
  return out;
}

}  // namespace drs::ui
