// Import of files the user already has (the engine's model library, drs/model_install.h,
// as the Models dialog drives it): plain folders and Hugging Face cache layouts, every
// file checked before anything is copied; a corrupted tensor is named; official .pt
// checkpoints converted to safetensors.
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include "drs/error.h"
#include "drs/model_install.h"
#include "models/checkpoint_conversion.h"
#include "models/safetensors_header.h"
#include "test_files.h"
#include "ui/models/model_store.h"

using namespace drs::ui;
using drs::CatalogFile;
using drs::CatalogSet;
using drs::FileFormat;
using drs::ImportPlan;
using drs::ManifestFile;
using drs::TensorSpec;

namespace {

QString sha256(const QByteArray& data) {
  return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QList<FakeTensor> ditTensors() {
  return {{QStringLiteral("transformer.proj_out.weight"), {64, 16}},
          {QStringLiteral("transformer.proj_out.bias"), {64}},
          {QStringLiteral("transformer.time_embed.time_mlp.0.weight"), {16, 8}}};
}

QList<FakeTensor> encoderTensors(qint64 corruptBytes = -1) {
  return {{QStringLiteral("encoder.layers.0.weight"), {8, 8}},
          {QStringLiteral("encoder.layers.1.weight"), {8, 8}, corruptBytes},
          {QStringLiteral("encoder.layers.2.weight"), {8, 8}}};
}

const QByteArray kDitConfig = R"({"model_type": "diffrhythm", "dim": 16, "depth": 1})";

CatalogFile catalogFile(const std::string& repo, const std::string& file, const std::string& local,
                        FileFormat format) {
  CatalogFile f;
  f.repo = repo;
  f.revision = "main";
  f.file = file;
  f.local_name = local;
  f.format = format;
  f.approx_size = 100;
  return f;
}

QString joined(const std::vector<std::string>& lines, QChar separator = QLatin1Char('\n')) {
  QStringList out;
  for (const std::string& line : lines) out.append(QString::fromStdString(line));
  return out.join(separator);
}

// execute_import as the dialog calls it: false and *error on failure.
bool executeImport(const ImportPlan& plan, const CatalogSet& set, const QString& store,
                   QString* error) {
  try {
    (void)drs::execute_import(plan, set, store.toStdString());
    return true;
  } catch (const drs::Error& e) {
    *error = QString::fromUtf8(e.what());
    return false;
  }
}

ImportPlan planImport(const QString& folder, const CatalogSet& set) {
  return drs::plan_import(folder.toStdString(), set);
}

// A two-component set shaped like the real catalogue: a DiT whose official form is a
// .pt checkpoint (already-converted safetensors accepted), and an encoder whose
// digest is pinned. With `ditSpec`, the DiT weights must match the DiT layout.
CatalogSet testSet(const QString& encoderSha, TensorSpec ditSpec = TensorSpec::None) {
  CatalogFile pt = catalogFile("org/dit", "cfm_model.pt", "cfm_model.pt", FileFormat::TorchPickle);
  pt.converted_name = "dit.safetensors";
  pt.checkpoint_key = "model_state_dict";
  pt.tensor_spec = ditSpec;
  pt.config_name = "dit_config.json";
  const CatalogFile config =
      catalogFile("org/dit", "config.json", "dit_config.json", FileFormat::Json);
  CatalogFile encoder =
      catalogFile("org/enc", "model.safetensors", "enc.safetensors", FileFormat::Safetensors);
  encoder.sha256 = encoderSha.toStdString();
  const CatalogFile encConfig =
      catalogFile("org/enc", "config.json", "enc_config.json", FileFormat::Json);
  const drs::Licence apache{"Apache-2.0", "https://example.invalid/a", "ok"};
  const drs::Licence nc{"CC-BY-NC 4.0", "https://example.invalid/nc", "nc"};
  return {"test-set",
          "Test set",
          "for tests",
          {{"dit", "DiT", apache, {pt, config}}, {"enc", "Encoder", nc, {encoder, encConfig}}},
          false};
}

QString referenceDir() {
  const QString env = qEnvironmentVariable("DRS_REFERENCE_DIR");
  return env.isEmpty() ? QStringLiteral(DRS_DEFAULT_REFERENCE_DIR) : env;
}

// Fixture sidecars (*.json anywhere under the reference dir) whose "kind" is `kind`.
QList<QPair<QString, QJsonObject>> findFixtures(const QString& kind) {
  QList<QPair<QString, QJsonObject>> found;
  QDirIterator it(referenceDir(), {QStringLiteral("*.json")}, QDir::Files,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) continue;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(QStringLiteral("kind")).toString() == kind) found.append({path, o});
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return found;
}

// Copies a safetensors file with one tensor's header shape replaced (bytes unchanged).
QByteArray withShape(const QString& path, const QString& tensor, const QJsonArray& shape) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QByteArray all = file.readAll();
  const auto length = static_cast<qsizetype>(qFromLittleEndian<quint64>(all.constData()));
  QJsonObject header = QJsonDocument::fromJson(all.mid(8, length)).object();
  QJsonObject entry = header.value(tensor).toObject();
  entry.insert(QStringLiteral("shape"), shape);
  header.insert(tensor, entry);
  QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  while (json.size() % 8 != 0) json.append(' ');
  QByteArray out(8, '\0');
  qToLittleEndian<quint64>(static_cast<quint64>(json.size()), out.data());
  return out + json + all.mid(8 + length);
}

}  // namespace

class TestModelImport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init();
  void importFlatFolder();
  void importHubCacheLayout();
  void corruptedTensorRejectedByName();
  void missingAndMismatchedFilesListed();
  void convertOfficialCheckpoint();
  void hostileCheckpointsRefused();
  void importConvertsOfficialCheckpoint();
  void ditFixtureWeightsCheckedByNameAndShape();

 private:
  void writeFlatFolder(const QString& dir, qint64 corruptBytes = -1) {
    writeFile(QDir(dir).filePath(QStringLiteral("dit.safetensors")), makeSafetensors(ditTensors()));
    writeFile(QDir(dir).filePath(QStringLiteral("dit_config.json")), kDitConfig);
    writeFile(QDir(dir).filePath(QStringLiteral("enc.safetensors")),
              makeSafetensors(encoderTensors(corruptBytes)));
    writeFile(QDir(dir).filePath(QStringLiteral("enc_config.json")), "{}");
  }
  std::unique_ptr<QTemporaryDir> source_;
  std::unique_ptr<QTemporaryDir> store_;
  QString encoderSha_ = sha256(makeSafetensors(encoderTensors()));
};

void TestModelImport::init() {
  source_ = std::make_unique<QTemporaryDir>();
  store_ = std::make_unique<QTemporaryDir>();
}

void TestModelImport::importFlatFolder() {
  writeFlatFolder(source_->path());
  const CatalogSet set = testSet(encoderSha_);
  const ImportPlan plan = planImport(source_->path(), set);
  QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
  QCOMPARE(plan.items.size(), 4u);
  QString error;
  QVERIFY2(executeImport(plan, set, store_->path(), &error), qPrintable(error));

  const auto sets = installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  const InstalledSet& installed = sets.first();
  QVERIFY2(installed.usable(), qPrintable(installed.problems.join(QLatin1Char(';'))));
  QCOMPARE(installed.manifest.id, std::string("test-set"));
  QCOMPARE(installed.manifest.source, std::string("import"));
  QVERIFY(QDateTime::fromString(QString::fromStdString(installed.manifest.installed), Qt::ISODate)
              .isValid());
  QCOMPARE(installed.manifest.licences.size(), 2u);
  QCOMPARE(installed.manifest.licences[1].name, std::string("CC-BY-NC 4.0"));
  QCOMPARE(installed.manifest.files.size(), 4u);
  for (const ManifestFile& f : installed.manifest.files) {
    QFile file(QDir(installed.folder).filePath(QString::fromStdString(f.name)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(sha256(file.readAll()), QString::fromStdString(f.sha256));
    QCOMPARE(file.size(), f.size);
  }
  QVERIFY(hasRealModels(store_->path()));
  QVERIFY(!QFileInfo::exists(installed.folder + QStringLiteral(".importing")));
}

void TestModelImport::importHubCacheLayout() {
  // hub/models--org--dit/snapshots/<rev>/ with refs/main; files are links to blobs.
  const QDir hub(source_->filePath(QStringLiteral("hub")));
  const auto snapshot = [&](const QString& repoFolder, const QString& rev) {
    QDir().mkpath(hub.filePath(repoFolder + QStringLiteral("/snapshots/") + rev));
    QDir().mkpath(hub.filePath(repoFolder + QStringLiteral("/refs")));
    QDir().mkpath(hub.filePath(repoFolder + QStringLiteral("/blobs")));
    writeFile(hub.filePath(repoFolder + QStringLiteral("/refs/main")), rev.toLatin1());
    return QDir(hub.filePath(repoFolder + QStringLiteral("/snapshots/") + rev));
  };
  // An older snapshot stays beside the one refs/main names (written second).
  snapshot(QStringLiteral("models--org--dit"), QStringLiteral("old000"));
  const QDir dit = snapshot(QStringLiteral("models--org--dit"), QStringLiteral("aaa111"));
  writeFile(dit.filePath(QStringLiteral("dit.safetensors")), makeSafetensors(ditTensors()));
  writeFile(dit.filePath(QStringLiteral("config.json")), kDitConfig);
  const QDir enc = snapshot(QStringLiteral("models--org--enc"), QStringLiteral("bbb222"));
  const QString blob = hub.filePath(QStringLiteral("models--org--enc/blobs/") + encoderSha_);
  writeFile(blob, makeSafetensors(encoderTensors()));
  QVERIFY(QFile::link(blob, enc.filePath(QStringLiteral("model.safetensors"))));
  writeFile(enc.filePath(QStringLiteral("config.json")), "{\"enc\": true}");

  QCOMPARE(QString::fromStdString(
               drs::find_repo_snapshot(source_->path().toStdString(), "org/dit").value().string()),
           dit.path());
  const CatalogSet set = testSet(encoderSha_);
  const ImportPlan plan = planImport(source_->path(), set);
  QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
  QString error;
  QVERIFY2(executeImport(plan, set, store_->path(), &error), qPrintable(error));
  const QString folder = setFolder(store_->path(), QString::fromStdString(set.id));
  QFile config(QDir(folder).filePath(QStringLiteral("enc_config.json")));
  QVERIFY(config.open(QIODevice::ReadOnly));
  QCOMPARE(config.readAll(), QByteArray("{\"enc\": true}"));  // each config from its own repo
  QVERIFY(!QFileInfo(QDir(folder).filePath(QStringLiteral("enc.safetensors"))).isSymLink());
}

void TestModelImport::corruptedTensorRejectedByName() {
  writeFlatFolder(source_->path(), /*corruptBytes=*/200);  // 8x8 F32 needs 256 bytes
  const CatalogSet set = testSet(encoderSha_);
  const ImportPlan plan = planImport(source_->path(), set);
  QVERIFY(!plan.ok());
  const QString errors = joined(plan.errors);
  qInfo("refused: %s", qPrintable(errors));
  QVERIFY(errors.contains(QStringLiteral("encoder.layers.1.weight")));
  QVERIFY(!errors.contains(QStringLiteral("encoder.layers.0.weight")));
  QString error;
  QVERIFY(!executeImport(plan, set, store_->path(), &error));
  QVERIFY(QDir(store_->path()).isEmpty());  // nothing copied or linked
}

void TestModelImport::missingAndMismatchedFilesListed() {
  writeFlatFolder(source_->path());
  QFile::remove(source_->filePath(QStringLiteral("dit_config.json")));
  const CatalogSet set = testSet(QString(64, QLatin1Char('f')));
  const ImportPlan plan = planImport(source_->path(), set);
  const QString errors = joined(plan.errors);
  QVERIFY(errors.contains(QStringLiteral("dit_config.json")));
  QVERIFY(errors.contains(QStringLiteral("SHA-256")));
  QCOMPARE(plan.errors.size(), 2u);
}

// Every `<name>.expected.json` beside the checkpoints (written with them by
// data/make_checkpoints.py through torch.save) lists each tensor's dtype, shape and the
// SHA-256 of its contiguous bytes: the converted file must match bit for bit.
void TestModelImport::convertOfficialCheckpoint() {
  const QDir data(QStringLiteral(DRS_CHECKPOINT_DIR));
  const auto expectations = data.entryList({QStringLiteral("*.expected.json")}, QDir::Files);
  QVERIFY2(!expectations.isEmpty(), "no checkpoints with expectations in tests/ui/models/data");
  for (const QString& name : expectations) {
    const QString stem = name.chopped(QStringLiteral(".expected.json").size());
    QFile sidecar(data.filePath(name));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(sidecar.readAll()).object();
    const QString out = store_->filePath(stem + QStringLiteral(".safetensors"));
    drs::models::ConversionReport report;
    try {
      report = drs::models::convert_checkpoint(
          data.filePath(stem + QStringLiteral(".pt")).toStdString(), out.toStdString(),
          expected.value(QStringLiteral("key")).toString().toStdString());
    } catch (const drs::Error& e) {
      QFAIL(e.what());
    }
    drs::models::SafetensorsHeader header;
    try {
      header = drs::models::read_safetensors_header(out.toStdString());
    } catch (const drs::Error& e) {
      QFAIL(e.what());
    }
    QFile converted(out);
    QVERIFY(converted.open(QIODevice::ReadOnly));
    const QByteArray bytes = converted.readAll();
    const QJsonArray tensors = expected.value(QStringLiteral("tensors")).toArray();
    QCOMPARE(static_cast<qsizetype>(header.tensors.size()), tensors.size());
    QCOMPARE(report.tensors, static_cast<std::size_t>(tensors.size()));
    std::uint64_t previousEnd = 0;
    for (const QJsonValue v : tensors) {
      const QJsonObject t = v.toObject();
      const QString tensorName = t.value(QStringLiteral("name")).toString();
      const auto found = header.tensors.find(tensorName.toStdString());
      QVERIFY2(found != header.tensors.end(), qPrintable(tensorName));
      const auto* it = &found->second;
      QCOMPARE(QString::fromStdString(it->dtype), t.value(QStringLiteral("dtype")).toString());
      std::vector<std::int64_t> shape;
      for (const QJsonValue d : t.value(QStringLiteral("shape")).toArray())
        shape.push_back(d.toInteger());
      QVERIFY(it->shape == shape);
      QCOMPARE(it->begin, previousEnd);  // data laid out in state-dict order
      previousEnd = it->end;
      const QByteArray tensorBytes =
          bytes.mid(static_cast<qsizetype>(header.data_offset + it->begin),
                    static_cast<qsizetype>(it->end - it->begin));
      QVERIFY2(sha256(tensorBytes) == t.value(QStringLiteral("sha256")).toString(),
               qPrintable(tensorName));
    }
    qInfo("%s: %zu tensors, %zu bytes, every tensor bit-identical", qPrintable(stem),
          report.tensors, report.bytes);
  }
}

void TestModelImport::hostileCheckpointsRefused() {
  const QDir data(QStringLiteral(DRS_CHECKPOINT_DIR));
  const std::string out = store_->filePath(QStringLiteral("x.safetensors")).toStdString();
  // A pickle that would call anything but tensor rebuilding is refused by name.
  try {
    drs::models::convert_checkpoint(
        data.filePath(QStringLiteral("foreign_global.pt")).toStdString(), out, "model_state_dict");
    QFAIL("foreign global accepted");
  } catch (const drs::Error& e) {
    qInfo("%s", e.what());
    QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("collections.Counter")));
  }
  // A truncated checkpoint, and the wrong key.
  QFile original(data.filePath(QStringLiteral("layouts.pt")));
  QVERIFY(original.open(QIODevice::ReadOnly));
  const QByteArray whole = original.readAll();
  writeFile(store_->filePath(QStringLiteral("cut.pt")), whole.left(whole.size() / 2));
  QVERIFY_THROWS_EXCEPTION(drs::Error,
                           drs::models::convert_checkpoint(
                               store_->filePath(QStringLiteral("cut.pt")).toStdString(), out, ""));
  QVERIFY_THROWS_EXCEPTION(
      drs::Error,
      drs::models::convert_checkpoint(data.filePath(QStringLiteral("layouts.pt")).toStdString(),
                                      out, "model_state_dict"));
  QVERIFY(!QFile::exists(QString::fromStdString(out)));
}

void TestModelImport::importConvertsOfficialCheckpoint() {
  const QDir data(QStringLiteral(DRS_CHECKPOINT_DIR));
  writeFlatFolder(source_->path());
  QFile::remove(source_->filePath(QStringLiteral("dit.safetensors")));
  QVERIFY(QFile::copy(data.filePath(QStringLiteral("tiny_cfm_model.pt")),
                      source_->filePath(QStringLiteral("cfm_model.pt"))));
  QFile::remove(source_->filePath(QStringLiteral("dit_config.json")));
  QVERIFY(QFile::copy(data.filePath(QStringLiteral("tiny_cfm_model.config.json")),
                      source_->filePath(QStringLiteral("dit_config.json"))));
  // The tiny checkpoint's DiT (text_dim 16) is no layout the engine runs, so only the
  // conversion is checked here; names and shapes are checked on the golden fixtures below.
  const CatalogSet set = testSet(encoderSha_, TensorSpec::None);
  const ImportPlan plan = planImport(source_->path(), set);
  QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
  QString error;
  QVERIFY2(executeImport(plan, set, store_->path(), &error), qPrintable(error));
  const auto sets = installedSets(store_->path());
  QCOMPARE(sets.size(), 1);
  QVERIFY(sets[0].usable());
  const QDir folder(sets[0].folder);
  QVERIFY(folder.exists(QStringLiteral("dit.safetensors")));
  QVERIFY(!folder.exists(QStringLiteral("cfm_model.pt")));  // converted once, original not kept
  const auto dit = std::find_if(sets[0].manifest.files.begin(), sets[0].manifest.files.end(),
                                [](const ManifestFile& f) { return f.name == "dit.safetensors"; });
  QVERIFY(dit != sets[0].manifest.files.end());
  QVERIFY(dit->converted_from.rfind("cfm_model.pt", 0) == 0);
  QCOMPARE(dit->format, std::string("safetensors"));

  // The same import with a damaged checkpoint leaves nothing behind.
  init();
  writeFlatFolder(source_->path());
  QFile::remove(source_->filePath(QStringLiteral("dit.safetensors")));
  QFile pt(data.filePath(QStringLiteral("tiny_cfm_model.pt")));
  QVERIFY(pt.open(QIODevice::ReadOnly));
  writeFile(source_->filePath(QStringLiteral("cfm_model.pt")), pt.read(4096));
  const ImportPlan damaged = planImport(source_->path(), set);
  QVERIFY(damaged.ok());  // zip magic only: the damage shows when converting
  QVERIFY(!executeImport(damaged, set, store_->path(), &error));
  qInfo("damaged checkpoint: %s", qPrintable(error));
  QVERIFY(error.contains(QStringLiteral("cfm_model.pt")));
  QVERIFY(QDir(store_->path()).isEmpty());
}

void TestModelImport::ditFixtureWeightsCheckedByNameAndShape() {
  const auto fixtures = findFixtures(QStringLiteral("dit_forward"));
  QVERIFY2(!fixtures.isEmpty(),
           qPrintable(QStringLiteral("no dit_forward fixture under ") + referenceDir()));
  for (const auto& [jsonPath, fixture] : fixtures) {
    init();
    const QDir fixtureDir = QFileInfo(jsonPath).absoluteDir();
    const QString weights =
        fixtureDir.filePath(fixture.value(QStringLiteral("weights")).toString());
    const bool full = fixture.value(QStringLiteral("max_frames")).toInt() > 2048;
    writeFlatFolder(source_->path());
    QFile::remove(source_->filePath(QStringLiteral("dit.safetensors")));
    QVERIFY(QFile::copy(weights, source_->filePath(QStringLiteral("dit.safetensors"))));
    writeFile(source_->filePath(QStringLiteral("dit_config.json")),
              QJsonDocument(
                  QJsonObject{{QStringLiteral("model_type"), QStringLiteral("diffrhythm")},
                              {QStringLiteral("model"), fixture.value(QStringLiteral("config"))}})
                  .toJson());
    const CatalogSet set = testSet(encoderSha_, full ? TensorSpec::DitFull : TensorSpec::DitBase);
    const ImportPlan plan = planImport(source_->path(), set);
    QVERIFY2(plan.ok(), qPrintable(joined(plan.errors)));
    QString installError;
    QVERIFY2(executeImport(plan, set, store_->path(), &installError), qPrintable(installError));
    const auto installed = installedSets(store_->path());
    QCOMPARE(installed.size(), 1);
    QCOMPARE(installed[0].manifest.max_frames, full ? 6144 : 2048);  // what the engine reads

    // The other variant's layout (duration embedding present/absent) is refused.
    const ImportPlan wrongVariant = planImport(
        source_->path(), testSet(encoderSha_, full ? TensorSpec::DitBase : TensorSpec::DitFull));
    QVERIFY(!wrongVariant.ok());
    QVERIFY(joined(wrongVariant.errors).contains(QStringLiteral("duration_time_embed")));

    // One tensor with a transposed shape (same byte count, so the header is consistent).
    const auto header = drs::models::read_safetensors_header(weights.toStdString());
    const QString victim = QStringLiteral("transformer.input_embed.proj.weight");
    const std::vector<std::int64_t> shape = header.tensors.at(victim.toStdString()).shape;
    QCOMPARE(shape.size(), 2u);
    writeFile(source_->filePath(QStringLiteral("dit.safetensors")),
              withShape(weights, victim,
                        QJsonArray{static_cast<double>(shape[1]), static_cast<double>(shape[0])}));
    const ImportPlan bad = planImport(source_->path(), set);
    QVERIFY(!bad.ok());
    const QString errors = joined(bad.errors);
    qInfo("%s: %lld tensors accepted; transposed tensor refused: %s",
          qPrintable(QFileInfo(jsonPath).fileName()), static_cast<long long>(header.tensors.size()),
          qPrintable(errors));
    QVERIFY(errors.contains(victim));
    QCOMPARE(bad.errors.size(), 1u);
  }
}

QTEST_MAIN(TestModelImport)
#include "test_model_import.moc"
