// Where the store is, what counts as installed, the licence text, the first-run offer.
#include <QApplication>
#include <QCheckBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "drs/model_catalog.h"
#include "drs/model_manifest.h"
#include "drs/model_set.h"
#include "drs/model_store.h"
#include "models/dit_tensor_spec.h"
#include "ui/models/first_run_offer.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/licences.h"
#include "ui/models/model_manager.h"
#include "ui/models/model_manager_dialog.h"

using namespace drs::ui;

class TestModelStore : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
  void storeLocationOrder();
  void installedSetsAndDemo();
  void setToLoadFollowsTheCli();
  void safeNames();
  void licencesShown();
  void firstRunOfferSignals();
  void dialogListsInstalledSets();
  void realDitLayoutCounts();
  void firstRunOfferedOnceThenRespectsDontAsk();

 private:
  // A set holding every file a set needs (3 bytes each); without `withFile` they are
  // listed in the manifest but absent.
  static void writeSet(const QString& folder, bool demo, bool withFile, int maxFrames = 0) {
    QDir().mkpath(folder);
    drs::Manifest m;
    m.id = QFileInfo(folder).fileName().toStdString();
    m.name = demo ? "Demo model" : "Real model";
    m.is_demo = demo;
    m.max_frames = maxFrames;
    m.source = "download";
    m.installed = drs::utc_timestamp_now();
    using L = drs::ModelSetLayout;
    for (const char* name : {L::kDit, L::kDitConfig, L::kVae, L::kStyleWeights, L::kStyleConfig,
                             L::kXlmrConfig, L::kTokenizer}) {
      m.files.push_back({name, 3, std::string(64, 'a'), true, {}, {}, {}, {}});
      if (!withFile) continue;
      QFile f(QDir(folder).filePath(QLatin1String(name)));
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("abc");
    }
    drs::write_manifest((QDir(folder).filePath(QLatin1String(L::kManifest))).toStdString(), m);
  }
};

void TestModelStore::storeLocationOrder() {
  QTemporaryDir config;
  qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
  qunsetenv("DRS_MODELS_DIR");
  QSettings().remove(QLatin1String(kSettingsStoreDir));
  QCOMPARE(modelStoreDir(QStringList{QStringLiteral("app")}), defaultModelStoreDir());
  QVERIFY(defaultModelStoreDir().endsWith(QStringLiteral("/DiffRhythm Studio/models")));
  // A folder an older version kept only in the settings moves to the shared config file,
  // where diffrhythm-cli finds it too.
  QSettings().setValue(QLatin1String(kSettingsStoreDir), QStringLiteral("/tmp/from-settings"));
  QCOMPARE(modelStoreDir(QStringList{QStringLiteral("app")}), QStringLiteral("/tmp/from-settings"));
  QCOMPARE(QString::fromStdString(drs::default_model_store().string()),
           QStringLiteral("/tmp/from-settings"));
  setModelStoreDir(QStringLiteral("/tmp/chosen"));
  QCOMPARE(QString::fromStdString(drs::default_model_store().string()),
           QStringLiteral("/tmp/chosen"));
  QCOMPARE(modelStoreDir(QStringList{QStringLiteral("app")}), QStringLiteral("/tmp/chosen"));
  qputenv("DRS_MODELS_DIR", "/tmp/from-env");
  QCOMPARE(modelStoreDir(QStringList{QStringLiteral("app")}), QStringLiteral("/tmp/from-env"));
  QCOMPARE(modelStoreDir({QStringLiteral("app"), QStringLiteral("--models"),
                          QStringLiteral("/tmp/from-arg")}),
           QStringLiteral("/tmp/from-arg"));
  QCOMPARE(modelStoreDir({QStringLiteral("app"), QStringLiteral("--models=/tmp/a/../b")}),
           QStringLiteral("/tmp/b"));
  qunsetenv("DRS_MODELS_DIR");
  QSettings().remove(QLatin1String(kSettingsStoreDir));
  qunsetenv("XDG_CONFIG_HOME");
}

void TestModelStore::installedSetsAndDemo() {
  QTemporaryDir store;
  QVERIFY(!hasRealModels(store.path()));
  writeSet(store.filePath(QStringLiteral("demo")), /*demo=*/true, /*withFile=*/true);
  QVERIFY(!hasRealModels(store.path()));  // the demo set does not count
  writeSet(store.filePath(QStringLiteral("broken")), false, /*withFile=*/false);
  QVERIFY(!hasRealModels(store.path()));  // a set with a missing file does not count
  const auto sets = installedSets(store.path());
  QCOMPARE(sets.size(), 2);
  QVERIFY(sets[0].problems.join(QString()).contains(QStringLiteral("dit.safetensors is missing")));
  writeSet(store.filePath(QStringLiteral("real")), false, true);
  QVERIFY(hasRealModels(store.path()));
  QCOMPARE(firstInstalledSet(store.path()), store.filePath(QStringLiteral("real")));
  writeSet(store.filePath(QStringLiteral("zz-full")), false, true, 6144);
  QCOMPARE(firstInstalledSet(store.path()), store.filePath(QStringLiteral("zz-full")));
  // A set folder given as the store ($DRS_MODELS_DIR=<set>) is that one set.
  QCOMPARE(firstInstalledSet(store.filePath(QStringLiteral("real"))),
           store.filePath(QStringLiteral("real")));
}

// The window loads what `diffrhythm-cli generate` would without --models: the set named
// by $DRS_MODEL_SET (or the deprecated $DRS_MODEL_DIR), else the store's preferred set.
void TestModelStore::setToLoadFollowsTheCli() {
  QTemporaryDir store;
  writeSet(store.filePath(QStringLiteral("base")), false, true, 2048);
  writeSet(store.filePath(QStringLiteral("full")), false, true, 6144);
  qputenv("DRS_MODELS_DIR", store.path().toUtf8());
  qunsetenv("DRS_MODEL_SET");
  qunsetenv("DRS_MODEL_DIR");
  QVERIFY(!modelSetFixedByEnvironment());
  QCOMPARE(modelSetToLoad(), store.filePath(QStringLiteral("full")));
  QCOMPARE(modelSetToLoad(),
           QString::fromStdString(drs::preferred_model_set(drs::default_model_store())->string()));
  qputenv("DRS_MODEL_DIR", store.filePath(QStringLiteral("base")).toUtf8());
  QVERIFY(modelSetFixedByEnvironment());
  QCOMPARE(modelSetToLoad(), store.filePath(QStringLiteral("base")));
  qputenv("DRS_MODEL_SET", "/elsewhere/set");  // the new name wins over the old one
  QCOMPARE(modelSetToLoad(), QStringLiteral("/elsewhere/set"));
  qunsetenv("DRS_MODEL_SET");
  qunsetenv("DRS_MODEL_DIR");
  qunsetenv("DRS_MODELS_DIR");
}

void TestModelStore::safeNames() {
  QCOMPARE(setFolder(QStringLiteral("/s"), QStringLiteral("set")), QStringLiteral("/s/set"));
  for (const char* bad : {"", ".", "..", "../up", "a/b", "a\\b"})
    QVERIFY2(setFolder(QStringLiteral("/s"), QString::fromLatin1(bad)).isEmpty(), bad);
}

void TestModelStore::licencesShown() {
  const drs::CatalogSet* base = drs::find_catalog_set("diffrhythm-1_2-base");
  QVERIFY(base);
  const QString html = licenceSummaryHtml(*base);
  for (const char* expected : {"Apache-2.0", "Stability AI Community License", "CC-BY-NC 4.0",
                               "MIT", "may not be used commercially"})
    QVERIFY2(html.contains(QLatin1String(expected)), expected);
  QVERIFY(hasNonCommercialPart(*base));
  QVERIFY(base->approx_bytes() > 5'000'000'000LL);
  const drs::CatalogSet* zh = drs::find_catalog_set("chinese-lyrics");
  QVERIFY(zh);
  QVERIFY(licenceSummaryHtml(*zh).contains(QStringLiteral("Amphion")));
  QVERIFY(!hasNonCommercialPart(*zh));
}

void TestModelStore::firstRunOfferSignals() {
  FirstRunOffer offer;
  QSignalSpy download(&offer, &FirstRunOffer::downloadRequested);
  QSignalSpy import(&offer, &FirstRunOffer::importRequested);
  QSignalSpy dismissed(&offer, &FirstRunOffer::dismissed);
  auto* button = offer.findChild<QPushButton*>(QStringLiteral("download-diffrhythm-1_2-base"));
  QVERIFY(button);
  button->click();
  QCOMPARE(download.count(), 1);
  QCOMPARE(download[0][0].toString(), QStringLiteral("diffrhythm-1_2-base"));
  offer.findChild<QPushButton*>(QStringLiteral("import"))->click();
  QCOMPARE(import.count(), 1);
  offer.findChild<QCheckBox*>()->setChecked(true);
  offer.findChild<QPushButton*>(QStringLiteral("not-now"))->click();
  QCOMPARE(dismissed.count(), 1);
  QCOMPARE(dismissed[0][0].toBool(), true);
}

void TestModelStore::dialogListsInstalledSets() {
  QTemporaryDir store;
  writeSet(store.filePath(QStringLiteral("real")), false, true);
  ModelManagerDialog dialog(store.path(), nullptr);
  QCOMPARE(dialog.storeDir(), store.path());
  auto* list = dialog.findChild<QListWidget*>();
  QVERIFY(list);
  QCOMPARE(list->count(), 1);
  QVERIFY(list->item(0)->text().contains(QStringLiteral("Real model")));
  QSignalSpy changed(&dialog, &ModelManagerDialog::modelsChanged);
  QVERIFY(!dialog.removeSet(QStringLiteral("/etc"), false));  // outside the store: never
  QVERIFY(dialog.removeSet(list->item(0)->data(Qt::UserRole).toString(), false));
  QCOMPARE(changed.count(), 1);
  QVERIFY(!QFileInfo::exists(store.filePath(QStringLiteral("real"))));
  QVERIFY(list->item(0)->text().contains(QStringLiteral("demo model")));
}

void TestModelStore::realDitLayoutCounts() {
  // MODEL.md §2.5/2.6: 219 tensors (base), 223 (full), 1 109 315 648 parameters (base).
  const drs::DitConfig base;
  QCOMPARE(drs::models::expected_dit_tensors(base).size(), 219u);
  qint64 parameters = 0;
  for (const auto& [name, shape] : drs::models::expected_dit_tensors(base)) {
    qint64 n = 1;
    for (const qint64 d : shape) n *= d;
    parameters += n;
  }
  QCOMPARE(parameters, 1'109'315'648LL);
  drs::DitConfig full;
  full.max_frames = 6144;
  QCOMPARE(drs::models::expected_dit_tensors(full).size(), 223u);
}

void TestModelStore::firstRunOfferedOnceThenRespectsDontAsk() {
  QTemporaryDir store;
  qputenv("DRS_MODELS_DIR", store.path().toUtf8());
  QSettings().remove(QLatin1String(kSettingsFirstRunDismissed));
  int shown = 0;
  // Answers the modal offer like a user: tick "Don't ask again", click "Not now".
  const auto answerLater = [&] {
    QTimer::singleShot(50, [&] {
      auto* dialog = qobject_cast<FirstRunDialog*>(QApplication::activeModalWidget());
      if (dialog == nullptr) return;
      ++shown;
      dialog->findChild<QCheckBox*>()->setChecked(true);
      dialog->findChild<QPushButton*>(QStringLiteral("not-now"))->click();
    });
  };
  answerLater();
  QVERIFY(!offerModelsIfNeeded(nullptr));
  QCOMPARE(shown, 1);
  QVERIFY(QSettings().value(QLatin1String(kSettingsFirstRunDismissed)).toBool());
  answerLater();
  QVERIFY(!offerModelsIfNeeded(nullptr));  // not shown again
  QTest::qWait(100);
  QCOMPARE(shown, 1);
  QSettings().remove(QLatin1String(kSettingsFirstRunDismissed));
  writeSet(store.filePath(QStringLiteral("real")), false, true);
  QVERIFY(!offerModelsIfNeeded(nullptr));  // a real set is installed: nothing to offer
  QCOMPARE(shown, 1);
  qunsetenv("DRS_MODELS_DIR");
}

QTEST_MAIN(TestModelStore)
#include "test_model_store.moc"
