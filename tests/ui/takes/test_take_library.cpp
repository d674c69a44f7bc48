// The takes library on the real engine and the demo model set of the build tree: a take
// stored by a finished run is listed again by a new takes panel on the same folder;
// rename and pin persist; delete is undoable until the library closes; the size bound
// removes the oldest unpinned takes with a notice; a replayed take is byte-identical.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

#include "support/pulse_null_sink.h"
#include "support/stall_reporter.h"
#include "ui/engine_backend.h"
#include "ui/run/generation_controller.h"
#include "ui/takes/take_library.h"
#include "ui/takes/takes_panel.h"

using namespace drs;
using namespace drs::ui;

namespace {

std::unique_ptr<GenerationBackend> demo_backend() {
  return make_engine_backend(qEnvironmentVariable("DRS_MODEL_DIR").toStdString());
}

// A short, fast run of the demo set.
GenerationRequest short_request(std::uint64_t seed) {
  GenerationRequest request;
  request.lyrics = "[00:02.00]Kept in the library\n";
  request.style = "library ballad";
  request.sampling.grid_points = 4;
  request.seed = seed;
  return request;
}

// A controller on the demo engine and a takes panel following it, wired like the window
// (the panel stores the run's takes before the window lists them).
struct Session {
  explicit Session(const QString& folder) : panel(nullptr, folder) {
    controller.attachBackend(demo_backend());
    panel.follow(&controller);
    QObject::connect(&controller, &GenerationController::runFinished, &panel,
                     [this](const ResultPtr& result) {
                       if (panel.consumeReplay(*result)) return;
                       if (result->outcome == Outcome::Succeeded)
                         panel.addTakes(result->takes, QStringLiteral("library ballad"),
                                        QStringLiteral("test"), -1, 95.0);
                     });
  }
  // A demo run takes seconds; a run that has not ended after minutes is reported with
  // where it stood, instead of the whole binary running into CTest's limit unexplained.
  bool run(std::uint64_t seed) {
    QSignalSpy ended(&controller, &GenerationController::runEnded);
    if (!controller.start(short_request(seed))) return fail(QStringLiteral("start refused"));
    return finished(ended);
  }
  bool finished(QSignalSpy& ended) {
    if (!ended.wait(kRunLimitMs)) return fail(QStringLiteral("no end within the limit"));
    const auto outcome = ended.last().at(0).value<Outcome>();
    if (outcome != Outcome::Succeeded) return fail(QStringLiteral("the run did not succeed"));
    return true;
  }
  bool fail(const QString& what) {
    why = QStringLiteral("%1; last progress: %2").arg(what, last_progress);
    return false;
  }
  static constexpr int kRunLimitMs = 240000;
  GenerationController controller;
  TakesPanel panel;
  QString last_progress = QStringLiteral("none");
  QString why;
  QMetaObject::Connection progress_ = QObject::connect(
      &controller, &GenerationController::progressed, &panel, [this](const Progress& p) {
        last_progress = QStringLiteral("%1 %2/%3").arg(to_string(p.stage)).arg(p.step).arg(p.steps);
      });
};

QStringList wav_files(const QString& folder) {
  return QDir(folder).entryList({QStringLiteral("*.wav")}, QDir::Files, QDir::Name);
}

}  // namespace

class TestTakeLibrary : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_take_library"));
    QSettings().clear();
    const QString demo = QStringLiteral(DRS_DEMO_MODEL_DIR);
    if (qEnvironmentVariableIsEmpty("DRS_MODEL_DIR") && QDir(demo).exists())
      qputenv("DRS_MODEL_DIR", demo.toUtf8());
    qputenv("XDG_CACHE_HOME", cache_.path().toUtf8());
    QVERIFY(cache_.isValid());
  }

  void init() { QSettings().remove(QStringLiteral("takes/libraryLimitBytes")); }

  void storedTakeSurvivesARestart() {
    QTemporaryDir folder;
    std::uint64_t seed = 0;
    std::vector<float> audio;
    {
      Session session(folder.path());
      QCOMPARE(session.panel.takes().size(), std::size_t{0});
      QVERIFY2(session.run(41), qPrintable(session.why));
      QCOMPARE(session.panel.takes().size(), std::size_t{1});
      const TakeRecord& made = session.panel.takes().front();
      QVERIFY(!made.library_path.isEmpty());
      QVERIFY(QFileInfo::exists(made.library_path));
      seed = made.take.seed;
      audio = made.take.audio;
    }
    QCOMPARE(wav_files(folder.path()).size(), 1);
    const auto manifest = read_take_manifest(
        (QDir(folder.path()).filePath(wav_files(folder.path()).front()).chopped(4) + ".json")
            .toStdString());
    QCOMPARE(manifest.request.lyrics, std::string("[00:02.00]Kept in the library\n"));
    QCOMPARE(manifest.seed, std::uint64_t{41});

    TakesPanel reopened(nullptr, folder.path());  // the app started again
    QCOMPARE(reopened.takes().size(), std::size_t{1});
    const TakeRecord& listed = reopened.takes().front();
    QCOMPARE(listed.take.seed, seed);
    QVERIFY(listed.take.audio.empty());  // read when first selected
    reopened.selectTake(0);
    QCOMPARE(reopened.takes().front().take.audio.size(), audio.size());
    float worst = 0;  // 16-bit WAV: within the rounding of the peak-normalised take
    for (std::size_t i = 0; i < audio.size(); ++i)
      worst = std::max(worst, std::abs(audio[i] - reopened.takes().front().take.audio[i]));
    QVERIFY2(worst <= 3.0f / 32768, qPrintable(QString::number(worst)));
    QVERIFY(reopened.findChild<QLabel*>(QStringLiteral("librarySizeLabel"))
                ->text()
                .contains(QStringLiteral("Library:")));
    QVERIFY(reopened.library()->sizeBytes() > static_cast<qint64>(audio.size()) * 2);
  }

  void renameAndPinPersist() {
    QTemporaryDir folder;
    {
      Session session(folder.path());
      QVERIFY2(session.run(5), qPrintable(session.why));
      QVERIFY(session.panel.renameTake(0, QStringLiteral("Morning idea")));
      QVERIFY(session.panel.setPinned(0, true));
    }
    TakesPanel reopened(nullptr, folder.path());
    QCOMPARE(reopened.takes().size(), std::size_t{1});
    QCOMPARE(reopened.takes().front().name, QStringLiteral("Morning idea"));
    QVERIFY(reopened.takes().front().pinned);
    const QString label = reopened.view()->model()->index(0, 0).data().toString();
    QVERIFY2(label.contains(QStringLiteral("Morning idea")), qPrintable(label));
  }

  void deleteIsUndoableUntilClosed() {
    QTemporaryDir folder;
    Session session(folder.path());
    QVERIFY2(session.run(7), qPrintable(session.why));
    QVERIFY2(session.run(8), qPrintable(session.why));
    QCOMPARE(session.panel.takes().size(), std::size_t{2});
    const QString first = session.panel.takes().front().library_path;
    auto* undo = session.panel.findChild<QPushButton*>(QStringLiteral("undoDeleteButton"));
    QVERIFY(!undo->isEnabled());

    QVERIFY(session.panel.deleteTake(0));
    QCOMPARE(session.panel.takes().size(), std::size_t{1});
    QVERIFY(!QFileInfo::exists(first));
    QCOMPARE(session.panel.library()->entries().size(), std::size_t{1});
    QVERIFY(undo->isEnabled());
    undo->click();
    QCOMPARE(session.panel.takes().size(), std::size_t{2});
    QCOMPARE(session.panel.takes().front().library_path, first);
    QVERIFY(QFileInfo::exists(first));
    QVERIFY(!undo->isEnabled());

    // Closing the library (the app exits) makes a delete final.
    QVERIFY(session.panel.deleteTake(1));
    { TakeLibrary closing(folder.path()); }
    QCOMPARE(wav_files(folder.path()).size(), 1);
    QVERIFY(!QDir(QDir(folder.path()).filePath(QStringLiteral("trash"))).exists());
    QVERIFY(!session.panel.undoDelete());  // its files are gone
  }

  void sizeBoundRemovesOldestUnpinned() {
    QTemporaryDir folder;
    Session session(folder.path());
    for (std::uint64_t seed : {21, 22, 23}) QVERIFY2(session.run(seed), qPrintable(session.why));
    QCOMPARE(session.panel.takes().size(), std::size_t{3});
    const auto entries = session.panel.library()->entries();
    QCOMPARE(entries.size(), std::size_t{3});
    QCOMPARE(entries[0].manifest.seed, std::uint64_t{21});  // oldest first
    QVERIFY(session.panel.setPinned(0, true));              // the oldest stays

    QSignalSpy notices(&session.panel, &TakesPanel::statusMessage);
    // Room for two takes: the oldest unpinned one (seed 22) goes.
    session.panel.setLibraryLimit(entries[0].bytes + entries[1].bytes + entries[2].bytes - 1);
    QCOMPARE(session.panel.takes().size(), std::size_t{2});
    QCOMPARE(session.panel.takes()[0].take.seed, std::uint64_t{21});
    QCOMPARE(session.panel.takes()[1].take.seed, std::uint64_t{23});
    QCOMPARE(wav_files(folder.path()).size(), 2);
    QVERIFY(!notices.isEmpty());
    QVERIFY2(notices.last().at(0).toString().contains(QStringLiteral("removed")),
             qPrintable(notices.last().at(0).toString()));

    // A new take over the bound: the oldest unpinned one (seed 23) makes room for it. The
    // bound is set to exactly what is stored now: a take's size includes its manifest, whose
    // timings differ in length from run to run, so seed 24 may be smaller than seed 22 was.
    session.panel.setLibraryLimit(session.panel.library()->sizeBytes());
    QCOMPARE(session.panel.takes().size(), std::size_t{2});
    QSignalSpy later(&session.panel, &TakesPanel::statusMessage);
    QVERIFY2(session.run(24), qPrintable(session.why));
    QStringList said;
    for (const auto& notice : later) said << notice.at(0).toString();
    QVERIFY2(session.panel.takes().size() == 2,
             qPrintable(QStringLiteral("%1 takes listed, %2 stored; the panel said: %3")
                            .arg(session.panel.takes().size())
                            .arg(session.panel.library()->entries().size())
                            .arg(said.join(QStringLiteral(" | ")))));
    QCOMPARE(session.panel.takes()[0].take.seed, std::uint64_t{21});
    QCOMPARE(session.panel.takes()[1].take.seed, std::uint64_t{24});
    QCOMPARE(TakesPanel(nullptr, folder.path()).takes().size(), std::size_t{2});
  }

  // After a delete, a new take gets a preview file of its own (an edit reads a take's
  // preview as its reference audio: a shared file would edit the wrong song).
  void previewFilesAreNeverReused() {
    QTemporaryDir folder;
    Session session(folder.path());
    QVERIFY2(session.run(31), qPrintable(session.why));
    QVERIFY2(session.run(32), qPrintable(session.why));
    QVERIFY(session.panel.deleteTake(0));
    QVERIFY2(session.run(33), qPrintable(session.why));
    const auto takes = session.panel.takes();
    QCOMPARE(takes.size(), std::size_t{2});
    QCOMPARE(takes[0].take.seed, std::uint64_t{32});
    QVERIFY(takes[0].preview_path != takes[1].preview_path);
    for (const auto& record : takes) QVERIFY(QFileInfo::exists(record.preview_path));
  }

  void replayIsByteIdentical() {
    QTemporaryDir folder;
    Session session(folder.path());
    QVERIFY2(session.run(99), qPrintable(session.why));
    QSignalSpy replayed(&session.panel, &TakesPanel::replayFinished);
    QSignalSpy ended(&session.controller, &GenerationController::runEnded);
    QVERIFY(session.panel.replayTake(0));
    QVERIFY2(session.finished(ended), qPrintable(session.why));
    QVERIFY(!replayed.isEmpty());
    qInfo("%s", qPrintable(replayed.last().at(1).toString()));
    QVERIFY(replayed.last().at(0).toBool());
    QCOMPARE(session.panel.takes().size(), std::size_t{1});  // reported, not listed
    QCOMPARE(wav_files(folder.path()).size(), 1);            // and not stored again
  }

 private:
  QTemporaryDir cache_;
};

int main(int argc, char* argv[]) {
  // The panels' players get a working (null) audio device, as in the app; without one
  // GStreamer's sink keeps failing to connect on every take the panel loads.
  drs::test::PulseNullSink pulse;
  QApplication app(argc, argv);
  // A demo run takes seconds: minutes without the event loop turning is a hang.
  const drs::test::StallReporter stalls(std::chrono::minutes(3));
  TestTakeLibrary test;
  return QTest::qExec(&test, argc, argv);
}
#include "test_take_library.moc"
