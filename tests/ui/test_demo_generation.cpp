// End to end through the GUI on the real engine: the demo model set generated into the
// build tree (noise, not music), Generate clicked, a take appears, it plays (through a
// private PulseAudio null sink), a cancel mid-run leaves the engine reusable.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "support/pulse_null_sink.h"
#include "support/stall_reporter.h"
#include "ui/draft_store.h"
#include "ui/engine_backend.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/player_panel.h"
#include "ui/queue/queue_panel.h"
#include "ui/resume_offer.h"
#include "ui/streaming_playback.h"
#include "ui/takes/take_library.h"

using namespace drs;
using namespace drs::ui;

namespace {

// A 10 ms timer on the GUI thread; the gaps between its ticks show how long the event
// loop was ever blocked.
class EventLoopProbe {
 public:
  EventLoopProbe() {
    timer_.setInterval(10);
    QObject::connect(&timer_, &QTimer::timeout, [this] {
      if (ticks_++ > 0) {
        const double gap = static_cast<double>(clock_.nsecsElapsed()) / 1e6;
        max_gap_ = std::max(max_gap_, gap);
        sum_gap_ += gap;
      }
      clock_.restart();
    });
    clock_.start();
    timer_.start();
  }
  void stop() { timer_.stop(); }
  [[nodiscard]] int ticks() const { return ticks_; }
  [[nodiscard]] double max_gap_ms() const { return max_gap_; }
  [[nodiscard]] double mean_gap_ms() const { return ticks_ > 1 ? sum_gap_ / (ticks_ - 1) : 0; }

 private:
  QTimer timer_;
  QElapsedTimer clock_;
  int ticks_ = 0;
  double max_gap_ = 0, sum_gap_ = 0;
};

// The real demo engine with its decoding slowed down to a CPU's pace (the sink runs on
// the engine thread between VAE chunks), so that playback can be seen starting while
// the rest of the take still decodes.
class SlowDecodeBackend : public GenerationBackend {
 public:
  explicit SlowDecodeBackend(std::unique_ptr<GenerationBackend> engine)
      : engine_(std::move(engine)) {}
  [[nodiscard]] const ModelInfo& info() const override { return engine_->info(); }
  GenerationResult generate(const GenerationRequest& request, const ProgressSink& progress,
                            std::stop_token stop) override {
    return engine_->generate(
        request,
        [&](const Progress& p) {
          progress(p);
          if (p.stage == Stage::Decoding && p.step > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
        },
        stop);
  }

 private:
  std::unique_ptr<GenerationBackend> engine_;
};

}  // namespace

class TestDemoGeneration : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_demo_generation"));
    QSettings().clear();
    QFile::remove(DraftStore::draftPath());
    const QString demo = QStringLiteral(DRS_DEMO_MODEL_DIR);
    if (qEnvironmentVariableIsEmpty("DRS_MODEL_DIR") && QDir(demo).exists())
      qputenv("DRS_MODEL_DIR", demo.toUtf8());
    qInfo("model dir: %s", qgetenv("DRS_MODEL_DIR").constData());
    // Prompt embeddings and run journals go to a folder of this test's own.
    qputenv("XDG_CACHE_HOME", cache_.path().toUtf8());
  }

  // Every test starts with an empty takes library (a real run keeps its takes there).
  void init() { QDir(TakeLibrary::defaultFolder()).removeRecursively(); }

  void generatesPlaysCancelsAndReuses() {
    // Plain playback after the run here; playsWhileDecoding covers the other way.
    QSettings().setValue(QStringLiteral("playback/playWhileDecoding"), false);
    MainWindow window;  // the real engine on the default model location
    window.show();
    QVERIFY2(window.worker(),
             qPrintable(window.findChild<QLabel*>(QStringLiteral("bannerLabel"))->text()));
    qInfo("model: %s",
          qPrintable(window.findChild<QLabel*>(QStringLiteral("modelStatusLabel"))->text()));
    window.lyricsEditor()->setPlainText(QStringLiteral(
        "[00:05.00]Hello from the demo model\n[00:10.00]It only sings noise\n[00:20.00]\n"));
    auto* slider = window.findChild<QSlider*>(QStringLiteral("presetSlider"));
    slider->setValue(slider->maximum());  // draft preset: fewest steps
    auto* generate = window.findChild<QPushButton*>(QStringLiteral("generateButton"));

    int events = 0;
    int last_step = -1;
    bool monotone = true;
    connect(window.worker(), &EngineWorker::progressed, this, [&](quint64, const Progress& p) {
      ++events;
      if (p.stage == Stage::Sampling) {
        monotone = monotone && p.step >= last_step;
        last_step = p.step;
      }
    });
    QSignalSpy ended(&window, &MainWindow::runEnded);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(generate, Qt::LeftButton);
    // While the engine computes: the window keeps handling input (an edit and a resize
    // land while the run is still going), and a 10 ms timer measures how long the GUI
    // event loop ever went without running (reported; timings are not asserted).
    EventLoopProbe probe;
    QTRY_VERIFY_WITH_TIMEOUT(window.state() == MainWindow::State::Running, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(last_step >= 1, 300000);
    window.lyricsEditor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window.lyricsEditor(), QStringLiteral("[00:30.00]typed during the run"));
    window.resize(window.width() + 40, window.height() + 30);
    QVERIFY(window.lyricsEditor()->toPlainText().contains(QStringLiteral("typed during the run")));
    QCOMPARE(window.state(), MainWindow::State::Running);
    QVERIFY(ended.wait(600000));
    probe.stop();
    qInfo("GUI event loop during the run: %d ticks, max gap %.1f ms, mean %.1f ms (10 ms timer)",
          probe.ticks(), probe.max_gap_ms(), probe.mean_gap_ms());
    QVERIFY(probe.ticks() > 10);
    auto* banner = window.findChild<QLabel*>(QStringLiteral("bannerLabel"));
    QVERIFY2(ended.at(0).at(0).value<Outcome>() == Outcome::Succeeded, qPrintable(banner->text()));
    qInfo("demo run: %.1f s wall, %d progress events, %d sampling steps", clock.elapsed() / 1000.0,
          events, last_step);
    QVERIFY(monotone);
    QCOMPARE(window.takes().size(), std::size_t{1});
    QCOMPARE(window.findChild<QListView*>(QStringLiteral("takesList"))->model()->rowCount(), 1);
    QVERIFY(banner->text().contains(QStringLiteral("Demo model")));

    if (!pulse_started_) QFAIL("could not start a PulseAudio null sink");
    auto* player = window.playerPanel();
    player->togglePlay();
    QTRY_VERIFY_WITH_TIMEOUT(player->positionSeconds() > 0.3, 10000);
    qInfo("playback position %.2f s", player->positionSeconds());
    player->togglePlay();

    // Cancel mid-run, then run again on the same engine.
    slider->setValue(0);  // best: the longest run
    int steps = 0;
    connect(window.worker(), &EngineWorker::progressed, this, [&](quint64, const Progress& p) {
      if (p.stage == Stage::Sampling) steps = p.step;
      if (qEnvironmentVariableIsSet("DRS_UI_TEST_VERBOSE"))
        qInfo("%s %d/%d within %.2f at %.2f s", to_string(p.stage), p.step, p.steps, p.within_step,
              p.elapsed_seconds);
    });
    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(steps >= 1, 300000);
    clock.restart();
    QTest::mouseClick(generate, Qt::LeftButton);  // now "Cancel"
    QTRY_VERIFY_WITH_TIMEOUT(window.state() == MainWindow::State::Idle, 10000);
    qInfo("cancel to idle: %lld ms", static_cast<long long>(clock.elapsed()));
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(ended.last().at(0).value<Outcome>(), Outcome::Cancelled);
    QCOMPARE(window.takes().size(), std::size_t{1});
    // The engine stops at its next transformer block (seconds on a loaded 2-core box
    // with the demo DiT's 2 big blocks); reported, not asserted: it is a speed figure.
    QTRY_VERIFY_WITH_TIMEOUT(!window.worker()->busy(), 60000);
    qInfo("engine stopped: %lld ms after Cancel", static_cast<long long>(clock.elapsed()));

    slider->setValue(slider->maximum());
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(ended.wait(600000));
    QCOMPARE(ended.last().at(0).value<Outcome>(), Outcome::Succeeded);
    QCOMPARE(window.takes().size(), std::size_t{2});
  }

  // Issue 17: while a run goes, two more are queued, each with the settings of the time
  // it was queued; "Run next" reorders them; they run one after the other, the ETA line
  // counts them in, and a new window lists the three takes again from the library.
  void queuesRunsAndListsTheirTakesAfterARestart() {
    std::vector<std::uint64_t> seeds;
    {
      MainWindow window;
      window.show();
      window.lyricsEditor()->setPlainText(QStringLiteral("[00:05.00]Queued songs\n"));
      auto* slider = window.findChild<QSlider*>(QStringLiteral("presetSlider"));
      slider->setValue(slider->maximum());
      window.findChild<QCheckBox*>(QStringLiteral("randomSeedCheck"))->setChecked(false);
      auto* seed = window.findChild<QLineEdit*>(QStringLiteral("seedEdit"));
      seed->setText(QStringLiteral("31"));
      QSignalSpy ended(&window, &MainWindow::runEnded);
      QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("generateButton")),
                        Qt::LeftButton);
      QCOMPARE(window.state(), MainWindow::State::Running);
      auto* enqueue = window.findChild<QPushButton*>(QStringLiteral("enqueueButton"));
      for (const char* next : {"32", "33"}) {
        seed->setText(QLatin1String(next));  // the settings stay editable while running
        QTest::mouseClick(enqueue, Qt::LeftButton);
      }
      seed->setText(QStringLiteral("99"));  // a later edit changes no queued run
      auto* queue = window.queuePanel();
      QCOMPARE(queue->model()->rowCount(), 2);
      QVERIFY(queue->isVisible());
      queue->view()->setCurrentIndex(queue->model()->index(1, 0));
      QTest::mouseClick(queue->findChild<QPushButton*>(QStringLiteral("queueRunNextButton")),
                        Qt::LeftButton);
      QCOMPARE(queue->model()->at(0)->request.seed, std::optional<std::uint64_t>(33));
      QCOMPARE(queue->model()->at(1)->request.seed, std::optional<std::uint64_t>(32));
      auto* times = window.findChild<QLabel*>(QStringLiteral("timeLabel"));
      QTRY_VERIFY_WITH_TIMEOUT(times->text().contains(QStringLiteral("then 2 queued run")), 10000);
      qInfo("ETA line with the queue: %s", qPrintable(times->text()));
      // Once the first run has taught this machine's speed, the queue has estimates and
      // the ETA line the time of all of it.
      QTRY_VERIFY_WITH_TIMEOUT(ended.size() >= 1, 600000);
      QTRY_VERIFY_WITH_TIMEOUT(times->text().contains(QStringLiteral("then 1 queued run")) &&
                                   times->text().contains(QStringLiteral("all done in about")),
                               60000);
      qInfo("ETA line after the first run: %s", qPrintable(times->text()));
      QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 3, 900000);
      for (const auto& end : ended) QCOMPARE(end.at(0).value<Outcome>(), Outcome::Succeeded);
      QCOMPARE(window.takes().size(), std::size_t{3});
      for (const auto& take : window.takes()) seeds.push_back(take.take.seed);
      QCOMPARE(seeds, (std::vector<std::uint64_t>{31, 33, 32}));
      QCOMPARE(queue->model()->rowCount(), 0);
      QVERIFY(!queue->isVisible());
    }
    MainWindow again;  // the app started again
    QCOMPARE(again.takes().size(), std::size_t{3});
    for (std::size_t i = 0; i < seeds.size(); ++i) QCOMPARE(again.takes()[i].take.seed, seeds[i]);
  }

  // The first seconds of a take play while the VAE is still decoding the rest; when the
  // take is finished the player carries on from where the listener was.
  void playsWhileDecoding() {
    if (!pulse_started_) QFAIL("could not start a PulseAudio null sink");
    QSettings().remove(QStringLiteral("playback/playWhileDecoding"));
    MainWindow window(std::make_unique<SlowDecodeBackend>(
                          make_engine_backend(qEnvironmentVariable("DRS_MODEL_DIR").toStdString())),
                      nullptr);
    window.show();
    auto* action = window.findChild<QAction*>(QStringLiteral("playWhileDecodingAction"));
    QVERIFY(action && action->isChecked());  // on by default
    window.lyricsEditor()->setPlainText(QStringLiteral("[00:05.00]Streaming noise\n"));
    auto* slider = window.findChild<QSlider*>(QStringLiteral("presetSlider"));
    slider->setValue(slider->maximum());
    Stage stage = Stage::LoadingModels;
    int chunk = 0, chunks = 0;
    connect(window.worker(), &EngineWorker::progressed, this, [&](quint64, const Progress& p) {
      stage = p.stage;
      if (p.stage == Stage::Decoding) {
        chunk = p.step;
        chunks = p.steps;
      }
    });
    QSignalSpy ended(&window, &MainWindow::runEnded);
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("generateButton")),
                      Qt::LeftButton);
    auto* streaming = window.streamingPlayback();
    QTRY_VERIFY_WITH_TIMEOUT(streaming->active(), 300000);
    QTRY_VERIFY_WITH_TIMEOUT(streaming->positionSeconds() > 1.0, 20000);
    const double heard = streaming->positionSeconds();
    qInfo("heard %.2f s of the take while decoding chunk %d of %d (%.1f s decoded)", heard, chunk,
          chunks, streaming->receivedSeconds());
    QCOMPARE(stage, Stage::Decoding);
    QVERIFY(chunk < chunks);
    QCOMPARE(window.state(), MainWindow::State::Running);
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.last().at(0).value<Outcome>(), Outcome::Succeeded);
    QVERIFY(!streaming->active());
    auto* player = window.playerPanel();
    QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(player->positionSeconds() >= heard, 10000);
    qInfo("the finished take carries on at %.2f s", player->positionSeconds());
    player->togglePlay();
  }

  // Cancel while decoding: the decoded part is discarded unless the user keeps it, then
  // it is a shorter take labelled partial.
  void cancelWhileDecodingOffersThePartialTake() {
    MainWindow window(std::make_unique<SlowDecodeBackend>(
                          make_engine_backend(qEnvironmentVariable("DRS_MODEL_DIR").toStdString())),
                      nullptr);
    window.show();
    window.lyricsEditor()->setPlainText(QStringLiteral("[00:05.00]Partial noise\n"));
    auto* takes = window.findChild<QListView*>(QStringLiteral("takesList"))->model();
    const int before = takes->rowCount();
    auto* generate = window.findChild<QPushButton*>(QStringLiteral("generateButton"));
    for (const bool keep : {false, true}) {
      int chunk = 0;
      auto connection = connect(window.worker(), &EngineWorker::progressed, this,
                                [&](quint64, const Progress& p) {
                                  if (p.stage == Stage::Decoding) chunk = p.step;
                                });
      QTest::mouseClick(generate, Qt::LeftButton);
      QTRY_VERIFY_WITH_TIMEOUT(chunk >= 2, 300000);
      bool asked = false;
      QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        asked = box && box->objectName() == QStringLiteral("keepPartialBox");
        if (!box) return;
        if (keep)
          box->findChild<QPushButton*>(QStringLiteral("keepPartialButton"))->click();
        else
          QTest::keyClick(box, Qt::Key_Escape);  // the default: discard
      });
      QTest::mouseClick(generate, Qt::LeftButton);  // Cancel
      QVERIFY(asked);
      QCOMPARE(window.state(), MainWindow::State::Idle);
      disconnect(connection);
      QTRY_VERIFY_WITH_TIMEOUT(!window.worker()->busy(), 60000);
    }
    QCOMPARE(takes->rowCount(), before + 1);  // only the kept one
    const auto label = takes->index(takes->rowCount() - 1, 0).data().toString();
    QVERIFY2(label.contains(QStringLiteral("partial")), qPrintable(label));
    const auto& take = window.takes().back().take;
    QVERIFY(take.frames() > 0);
    QVERIFY(take.frames() < 2048u * 2048u);  // shorter than the whole song
  }

  // Listen in during sampling: the preview of the model's current estimate around the
  // lyric line under the cursor plays, labelled with its step, and the run goes on.
  void listensInWhileSampling() {
    if (!pulse_started_) QFAIL("could not start a PulseAudio null sink");
    MainWindow window(make_engine_backend(qEnvironmentVariable("DRS_MODEL_DIR").toStdString()),
                      nullptr);
    window.show();
    window.lyricsEditor()->setPlainText(
        QStringLiteral("[00:05.00]First line\n[00:40.00]Listen here\n"));
    auto cursor = window.lyricsEditor()->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::PreviousBlock);
    window.lyricsEditor()->setTextCursor(cursor);  // on "[00:40.00]Listen here"
    auto* slider = window.findChild<QSlider*>(QStringLiteral("presetSlider"));
    slider->setValue(slider->maximum());
    int step = 0;
    std::optional<PreviewAudio> preview;
    connect(window.worker(), &EngineWorker::progressed, this, [&](quint64, const Progress& p) {
      if (p.stage == Stage::Sampling) step = p.step;
      if (p.preview) preview = *p.preview;
    });
    auto* listen = window.findChild<QPushButton*>(QStringLiteral("listenInButton"));
    QVERIFY(listen && !listen->isEnabled());
    QSignalSpy ended(&window, &MainWindow::runEnded);
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("generateButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(step >= 1 && listen->isEnabled(), 300000);
    QTest::mouseClick(listen, Qt::LeftButton);
    auto* status = window.findChild<QLabel*>(QStringLiteral("listenInStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Preview after step")), 300000);
    QVERIFY(preview.has_value());
    // Centred 4 s into the line under the cursor: the window starts at 44 - 5 s.
    QVERIFY2(std::abs(preview->start_seconds - 39.0) < 0.1,
             qPrintable(QString::number(preview->start_seconds)));
    qInfo("%s", qPrintable(status->text()));
    QVERIFY(ended.wait(300000));
    QCOMPARE(ended.last().at(0).value<Outcome>(), Outcome::Succeeded);
    QTRY_VERIFY_WITH_TIMEOUT(!listen->isEnabled(), 5000);
  }

  // A run cut short (here: cancelled engine-side, which keeps its journal like a crash
  // or a closed window would) is offered at the next start; Resume finishes it into a
  // take and removes the journal, and a user's Cancel never leaves one behind.
  void offersAndResumesAnInterruptedRun() {
    const auto model_dir = qEnvironmentVariable("DRS_MODEL_DIR").toStdString();
    std::filesystem::path journal;
    {
      Engine engine(EngineOptions{.model_dir = model_dir});
      GenerationRequest request;
      request.lyrics = "[00:02.00]Cut short\n";
      request.style = "interrupted ballad";
      request.sampling.grid_points = 4;
      request.seed = 11;
      std::stop_source stop;
      const auto cut = engine.generate(
          request,
          [&](const Progress& p) {
            if (p.stage == Stage::Sampling && p.step == 1 && p.step_seconds > 0)
              stop.request_stop();
          },
          stop.get_token());
      QCOMPARE(cut.outcome, Outcome::Cancelled);
      journal = cut.journal;
      QVERIFY(std::filesystem::exists(journal));
    }
    // Only this one: the earlier functions' Cancels (some with the window closed right
    // after) left no journal behind.
    QStringList journals;
    for (const auto& found : list_run_journals(default_cache_dir()))
      journals << QString::fromStdString(found.file.filename().string());
    QVERIFY2(journals.size() == 1, qPrintable(journals.join(QStringLiteral(", "))));
    MainWindow window;
    window.show();
    auto* offer = window.resumeOffer();
    QTRY_VERIFY_WITH_TIMEOUT(offer->isVisible(), 5000);
    QVERIFY(offer->offered().has_value());
    QCOMPARE(offer->offered()->step, 1);
    QSignalSpy ended(&window, &MainWindow::runEnded);
    QTest::mouseClick(offer->findChild<QPushButton*>(QStringLiteral("resumeButton")),
                      Qt::LeftButton);
    QCOMPARE(window.state(), MainWindow::State::Running);
    QVERIFY(ended.wait(300000));
    QCOMPARE(ended.last().at(0).value<Outcome>(), Outcome::Succeeded);
    QCOMPARE(window.takes().size(), std::size_t{1});
    QCOMPARE(window.takes().front().take.seed, std::uint64_t{11});
    QVERIFY(!std::filesystem::exists(journal));
    QVERIFY(!offer->isVisible());
    QVERIFY(list_run_journals(default_cache_dir()).empty());
  }

 public:
  bool pulse_started_ = false;

 private:
  QTemporaryDir cache_;
};

int main(int argc, char* argv[]) {
  drs::test::PulseNullSink pulse;
  QApplication app(argc, argv);
  // A demo run takes seconds: minutes without the event loop turning is a hang.
  const drs::test::StallReporter stalls(std::chrono::minutes(3));
  TestDemoGeneration test;
  test.pulse_started_ = pulse.started();
  return QTest::qExec(&test, argc, argv);
}

#include "test_demo_generation.moc"
