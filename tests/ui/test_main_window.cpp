// The main window driven through its widgets, on a scripted backend: generate, cancel,
// progress/ETA display, autosave, lyric diagnostics gate, engine errors, export,
// playback (through a private PulseAudio null sink).
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMediaPlayer>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sndfile.h>

#include <chrono>
#include <cmath>

#include "support/fake_backend.h"
#include "support/pulse_null_sink.h"
#include "ui/draft_store.h"
#include "ui/lyrics_check.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/player_panel.h"
#include "ui/speed_history.h"
#include "ui/waveform_view.h"

using namespace drs;
using namespace drs::ui;

namespace {

constexpr const char* kLyrics = "[00:10.00]Sunlight on the water\n[00:15.00]Carry me home\n";

struct Harness {
  test::FakeBackend* fake = nullptr;
  std::unique_ptr<MainWindow> window;

  explicit Harness(test::FakeScript script = {}, ModelInfo info = test::FakeBackend::demo_info()) {
    auto backend = std::make_unique<test::FakeBackend>(script, std::move(info));
    fake = backend.get();
    window = std::make_unique<MainWindow>(std::move(backend), nullptr);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get())) qWarning("window did not become active");
  }
  template <typename T>
  T* find(const char* name) const {
    auto* widget = window->findChild<T*>(QLatin1String(name));
    if (!widget) qFatal("no widget named %s", name);
    return widget;
  }
  void setLyrics(const QString& text) const { window->lyricsEditor()->setPlainText(text); }
  void clickGenerate() const {
    QTest::mouseClick(find<QPushButton>("generateButton"), Qt::LeftButton);
  }
  bool waitIdle(int timeout_ms = 20000) const {
    QElapsedTimer clock;
    clock.start();
    while (window->state() != MainWindow::State::Idle && clock.elapsed() < timeout_ms)
      QTest::qWait(5);
    return window->state() == MainWindow::State::Idle;
  }
};

void set_fast_preset(const Harness& h) {
  auto* slider = h.find<QSlider>("presetSlider");
  slider->setValue(slider->maximum());  // draft: 7 steps
}

// A (scripted) real base model on the CPU in float32: what the start-up probe applies to.
ModelInfo real_cpu_model() {
  ModelInfo info;
  info.name = "Fake base";
  info.device = "cpu";
  info.precision = "float32";
  return info;
}

// A scripted take long enough to play, seek and stamp in.
test::FakeScript four_second_take() {
  test::FakeScript script;
  script.take_seconds = 4.0;
  return script;
}

// Generates with the fastest preset and waits for the run's end.
bool generate_one_take(const Harness& h) {
  set_fast_preset(h);
  QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
  h.clickGenerate();
  return ended.wait(20000);
}

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_main_window"));
  }
  void init() {
    QSettings().clear();
    QFile::remove(DraftStore::draftPath());
  }

  void generateAddsATake() {
    Harness h;
    h.setLyrics(QString::fromLatin1(kLyrics));
    h.find<QLineEdit>("styleEdit")->setText(QStringLiteral("Pop, Happy"));
    set_fast_preset(h);
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    h.clickGenerate();
    QCOMPARE(h.window->state(), MainWindow::State::Running);
    QCOMPARE(h.find<QPushButton>("generateButton")->text(), QStringLiteral("Cancel"));
    QVERIFY(ended.wait(20000));
    QCOMPARE(ended.at(0).at(0).value<Outcome>(), Outcome::Succeeded);
    QCOMPARE(h.window->takes().size(), std::size_t{1});
    auto* list = h.find<QListView>("takesList");
    QCOMPARE(list->model()->rowCount(), 1);
    const QString entry = list->model()->index(0, 0).data().toString();
    qInfo("take entry: %s", qPrintable(entry));
    QVERIFY(entry.contains(QStringLiteral("Pop, Happy")));
    QVERIFY(entry.contains(QStringLiteral("4242")));
    QVERIFY(h.find<QLabel>("seedUsedLabel")->text().contains(QStringLiteral("4242")));
    QCOMPARE(h.find<QProgressBar>("progressBar")->value(),
             h.find<QProgressBar>("progressBar")->maximum());
    QCOMPARE(h.find<QPushButton>("generateButton")->text(), QStringLiteral("Generate"));
    QVERIFY(h.find<QPushButton>("exportButton")->isEnabled());
  }

  void fixedSeedIsUsed() {
    Harness h;
    set_fast_preset(h);
    h.find<QCheckBox>("randomSeedCheck")->setChecked(false);
    h.find<QLineEdit>("seedEdit")->setText(QStringLiteral("777"));
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    h.clickGenerate();
    QVERIFY(ended.wait(20000));
    QCOMPARE(h.window->takes().front().take.seed, std::uint64_t{777});
    // Double-clicking a take puts its seed back into the seed field.
    h.find<QCheckBox>("randomSeedCheck")->setChecked(true);
    h.find<QLineEdit>("seedEdit")->clear();
    auto* list = h.find<QListView>("takesList");
    const QRect rect = list->visualRect(list->model()->index(0, 0));
    // A real double click: press/release, then the double-click event.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QVERIFY(!h.find<QCheckBox>("randomSeedCheck")->isChecked());
    QCOMPARE(h.find<QLineEdit>("seedEdit")->text(), QStringLiteral("777"));
  }

  void progressBarAndEtaDuringRun() {
    test::FakeScript script;
    script.block_time = std::chrono::milliseconds(15);
    Harness h(script);
    set_fast_preset(h);
    auto* bar = h.find<QProgressBar>("progressBar");
    auto* times = h.find<QLabel>("timeLabel");
    auto* stage = h.find<QLabel>("stageLabel");
    std::vector<int> values;
    QStringList eta_before_first_step;
    QStringList eta_after_first_step;
    QStringList stages;
    int finished_steps = 0;
    // Connected after the window's own slot, so the labels are already updated.
    connect(h.window->worker(), &EngineWorker::progressed, this, [&](quint64, const Progress& p) {
      values.push_back(bar->value());
      stages << stage->text();
      if (p.stage == Stage::Sampling && p.step_seconds > 0) ++finished_steps;
      if (p.stage == Stage::Sampling)
        (finished_steps == 0 ? eta_before_first_step : eta_after_first_step) << times->text();
    });
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    h.clickGenerate();
    QVERIFY(ended.wait(20000));
    QVERIFY(std::is_sorted(values.begin(), values.end()));
    QCOMPARE(finished_steps, 7);
    QVERIFY(!eta_before_first_step.isEmpty());
    qInfo("before step 1: %s", qPrintable(eta_before_first_step.front()));
    qInfo("after step 1: %s", qPrintable(eta_after_first_step.front()));
    QVERIFY(eta_before_first_step.front().contains(QStringLiteral("calibrating")));
    QVERIFY(eta_after_first_step.front().contains(QStringLiteral("left")));
    QVERIFY(!eta_after_first_step.front().contains(QStringLiteral("calibrating")));
    QVERIFY(stages.contains(QStringLiteral("Sampling — step 3 of 7")));
    QVERIFY(stages.filter(QStringLiteral("Decoding audio — chunk")).size() > 0);

    // The measured speed is remembered: the next run starts with a prior.
    QVERIFY(h.find<QLabel>("presetLabel")->text().contains(QStringLiteral("from earlier runs")));
  }

  void cancelReturnsToIdleAndKeepsInputs() {
    test::FakeScript script;
    script.block_time = std::chrono::milliseconds(40);
    Harness h(script);
    h.setLyrics(QString::fromLatin1(kLyrics));
    h.find<QLineEdit>("styleEdit")->setText(QStringLiteral("Rock"));
    h.find<QSlider>("presetSlider")->setValue(0);  // best: 31 steps, ~5 s
    int steps = 0;
    connect(h.window->worker(), &EngineWorker::progressed, this, [&](quint64, const Progress& p) {
      if (p.stage == Stage::Sampling) steps = p.step;
    });
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    h.clickGenerate();
    QTRY_VERIFY_WITH_TIMEOUT(steps >= 2, 10000);
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(h.window.get(), Qt::Key_Escape);
    QVERIFY(h.waitIdle(5000));
    const auto idle_ms = clock.elapsed();
    qInfo("idle %lld ms after Esc (at step %d of 31)", static_cast<long long>(idle_ms), steps);
    QVERIFY(idle_ms < 1000);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<Outcome>(), Outcome::Cancelled);
    QVERIFY(h.window->takes().empty());
    QCOMPARE(h.find<QListView>("takesList")->model()->rowCount(), 0);
    // The engine itself stops at its next block boundary, in the background.
    QTRY_VERIFY_WITH_TIMEOUT(!h.window->worker()->busy(), 2000);
    qInfo("worker finished %lld ms after Esc", static_cast<long long>(clock.elapsed()));
    QCOMPARE(h.window->lyricsEditor()->toPlainText(), QString::fromLatin1(kLyrics));
    QCOMPARE(h.find<QLineEdit>("styleEdit")->text(), QStringLiteral("Rock"));
    QCOMPARE(h.find<QSlider>("presetSlider")->value(), 0);
    QCOMPARE(h.find<QPushButton>("generateButton")->text(), QStringLiteral("Generate"));

    // The engine is reusable.
    set_fast_preset(h);
    h.clickGenerate();
    QVERIFY(ended.wait(20000));
    QCOMPARE(ended.at(1).at(0).value<Outcome>(), Outcome::Succeeded);
    QCOMPARE(h.window->takes().size(), std::size_t{1});
  }

  void autosaveRoundTrip() {
    {
      Harness h;
      h.setLyrics(QStringLiteral("[00:12.00]Autosaved line"));
      h.find<QLineEdit>("styleEdit")->setText(QStringLiteral("Jazz, Piano"));
      h.find<QSlider>("presetSlider")->setValue(2);
      h.find<QCheckBox>("randomSeedCheck")->setChecked(false);
      h.find<QLineEdit>("seedEdit")->setText(QStringLiteral("12345"));
      QSignalSpy saved(&h.window->draftStore(), &DraftStore::saved);
      QVERIFY(saved.wait(3000));  // the debounce fires on its own
    }
    QVERIFY(QFile::exists(DraftStore::draftPath()));
    Harness restored;
    QCOMPARE(restored.window->lyricsEditor()->toPlainText(),
             QStringLiteral("[00:12.00]Autosaved line"));
    QCOMPARE(restored.find<QLineEdit>("styleEdit")->text(), QStringLiteral("Jazz, Piano"));
    QCOMPARE(restored.find<QSlider>("presetSlider")->value(), 2);
    QVERIFY(!restored.find<QCheckBox>("randomSeedCheck")->isChecked());
    QCOMPARE(restored.find<QLineEdit>("seedEdit")->text(), QStringLiteral("12345"));
  }

  void malformedLyricsBlockTheRun() {
    Harness h;
    // Candidates the analysis may treat as blocking (the engine keeps most problems as
    // warnings and sings around them); the first one that yields an Error is used.
    const QStringList candidates = {
        QStringLiteral("[00:10.00]Good line here\n[00:20.00]你好世界\n[00:30.00]end\n"),
        QStringLiteral("[00:10.00]Good line here\n[00:20.00]\n[00:25.00]1234 !!\n"),
    };
    bool blocked = false;
    for (const auto& text : candidates) {
      h.setLyrics(text);
      h.window->lyricsEditor()->analyzeNow();
      if (h.window->lyricsEditor()->analysis().has_errors()) {
        blocked = true;
        break;
      }
    }
    for (const auto& issue : h.window->lyricsEditor()->issues())
      qInfo("line %d [%s] %s", issue.line, issue.code.c_str(), issue.message.c_str());
    QVERIFY2(blocked, "no candidate text produced an Error-severity lyric issue");
    h.clickGenerate();
    QCOMPARE(h.window->state(), MainWindow::State::Idle);
    QCOMPARE(h.fake->runs.load(), 0);
    auto* banner = h.find<QLabel>("bannerLabel");
    QVERIFY(banner->isVisible());
    qInfo("banner: %s", qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("Fix the lyrics")));
    QVERIFY(h.find<QListWidget>("problemsList")->count() > 0);
  }

  void engineErrorShowsAdviceWithoutCrash() {
    test::FakeScript script;
    script.fail = true;
    Harness h(script);
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    h.clickGenerate();
    QVERIFY(ended.wait(10000));
    QCOMPARE(ended.at(0).at(0).value<Outcome>(), Outcome::Failed);
    auto* banner = h.find<QLabel>("bannerLabel");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("scripted")));
    auto* box = h.window->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    QVERIFY(box);
    QVERIFY(!box->informativeText().isEmpty());
    box->close();
    QCOMPARE(h.window->state(), MainWindow::State::Idle);
    QVERIFY(h.window->takes().empty());
  }

  void modelStatusAndLengthFollowTheModel() {
    Harness demo;
    QVERIFY(demo.find<QLabel>("bannerLabel")
                ->text()
                .contains(QStringLiteral("Demo model — produces noise")));
    QVERIFY(demo.find<QLabel>("modelStatusLabel")->text().contains(QStringLiteral("demo")));
    QVERIFY(!demo.find<QSpinBox>("lengthSpin")->isEnabled());
    QCOMPARE(demo.find<QSpinBox>("lengthSpin")->value(), 95);
    QVERIFY(demo.find<QLabel>("lengthNote")->text().contains(QStringLiteral("full model")));

    ModelInfo full;
    full.name = "Fake full";
    full.max_frames = 6144;
    full.min_seconds = 96;
    full.max_seconds = 285;
    full.device = "cpu";
    full.precision = "float32";
    Harness h({}, full);
    auto* length = h.find<QSpinBox>("lengthSpin");
    QVERIFY(length->isEnabled());
    QCOMPARE(length->minimum(), 96);
    QCOMPARE(length->maximum(), 285);
    QVERIFY(!h.find<QLabel>("bannerLabel")->isVisible());
    const QString preset = h.find<QLabel>("presetLabel")->text();
    qInfo("preset label: %s", qPrintable(preset));
    QVERIFY(preset.contains(QStringLiteral("steps")));
    QVERIFY(preset.contains(QStringLiteral("CFG")));
    QVERIFY(preset.contains(QStringLiteral("about")));
  }

  // The worker's start-up GEMM probe: a reference BLAS is called out with its fix, and a
  // real model on the CPU gets a first-run estimate from the measured rate.
  void slowCpuIsReportedAndCalibratesTheEstimate() {
    const ModelInfo real = real_cpu_model();
    test::FakeScript slow;
    slow.speed = classify_matmul_speed(4.0, 2, "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");
    Harness h(slow, real);
    auto* banner = h.find<QLabel>("bannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("Slow CPU maths")));
    QVERIFY(banner->text().contains(QStringLiteral("libopenblas0-pthread")));
    const QString slow_label = h.find<QLabel>("presetLabel")->text();
    qInfo("preset label at 4 GFLOP/s: %s", qPrintable(slow_label));
    QVERIFY(slow_label.contains(QStringLiteral("measured speed")));

    QSettings().clear();  // forget the slow rate: the label below must wait for the probe
    test::FakeScript fast;
    fast.speed = classify_matmul_speed(170.0, 2, "/usr/lib/openblas-pthread/libblas.so.3");
    Harness quick(fast, real);
    QTRY_VERIFY(quick.window->findChild<QLabel*>(QStringLiteral("presetLabel"))
                    ->text()
                    .contains(QStringLiteral("measured speed")));
    QVERIFY(!quick.find<QLabel>("bannerLabel")->isVisible());
    const SpeedHistory history(real, 2048);
    const SamplingSettings best{32, 4.0f, std::nullopt};
    // 62 passes of ~5.1 TFLOP at 170 GFLOP/s x the DiT's efficiency, plus the decode guess.
    const double expected = 62 * SpeedHistory::forward_cost(2048) / (170e9 * kCpuDitEfficiency);
    QVERIFY(std::abs(history.estimate_seconds(best) - history.decode_seconds_or_default() -
                     expected) < 1e-6 * expected);
    qInfo("calibrated estimate for the best preset: %.0f s sampling", expected);
  }

  // bfloat16 is offered (never chosen) where the probe finds native support.
  void bfloat16IsOfferedOnlyWhereTheCpuHasIt() {
    const ModelInfo real = real_cpu_model();
    test::FakeScript native;
    native.speed = classify_matmul_speed(170.0, 2, "/usr/lib/openblas-pthread/libblas.so.3");
    native.speed->bf16_speedup = 2.0;
    Harness h(native, real);
    auto* bf16 = h.find<QCheckBox>("bf16Check");
    QTRY_VERIFY(bf16->isVisible());
    QVERIFY(!bf16->isChecked());
    QVERIFY(bf16->toolTip().contains(QStringLiteral("2.0")));

    QSettings().clear();
    test::FakeScript emulated = native;
    emulated.speed->bf16_speedup = 0.03;
    Harness slow(emulated, real);
    // The probe has been handled once the estimate says where it comes from.
    QTRY_VERIFY(slow.find<QLabel>("presetLabel")->text().contains(QStringLiteral("measured")));
    QVERIFY(!slow.find<QCheckBox>("bf16Check")->isVisible());
  }

  // int8 is offered (never chosen) where the probe finds it faster; at most one of the
  // inexact options is on, and the choice is remembered.
  void int8IsOfferedWhereFasterAndExcludesBfloat16() {
    const ModelInfo real = real_cpu_model();
    test::FakeScript fast;
    fast.speed = classify_matmul_speed(170.0, 2, "/usr/lib/openblas-pthread/libblas.so.3");
    fast.speed->bf16_speedup = 2.0;
    fast.speed->int8_speedup = 2.9;
    {
      Harness h(fast, real);
      auto* int8 = h.find<QCheckBox>("int8Check");
      auto* bf16 = h.find<QCheckBox>("bf16Check");
      QTRY_VERIFY(int8->isVisible());
      QVERIFY(!int8->isChecked());
      QVERIFY(int8->toolTip().contains(QStringLiteral("2.9")));
      bf16->setChecked(true);
      int8->setChecked(true);
      QVERIFY(!bf16->isChecked());
      QVERIFY(QSettings().value(QStringLiteral("engine/cpuInt8")).toBool());
      QVERIFY(!QSettings().value(QStringLiteral("engine/cpuBfloat16")).toBool());
    }
    {
      Harness again(fast, real);  // remembered across restarts
      QVERIFY(again.find<QCheckBox>("int8Check")->isChecked());
      QVERIFY(!again.find<QCheckBox>("bf16Check")->isChecked());
    }
    QSettings().clear();
    test::FakeScript slow = fast;
    slow.speed->int8_speedup = 0.8;
    Harness h(slow, real);
    QTRY_VERIFY(h.find<QLabel>("presetLabel")->text().contains(QStringLiteral("measured")));
    QVERIFY(!h.find<QCheckBox>("int8Check")->isVisible());
  }

  void exportWritesValidAudio() {
    Harness h;
    set_fast_preset(h);
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    h.clickGenerate();
    QVERIFY(ended.wait(20000));
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("song.wav"));
    QString error;
    QVERIFY2(h.window->exportTake(0, wav, &error), qPrintable(error));
    SF_INFO info{};
    SNDFILE* file = sf_open(wav.toLocal8Bit().constData(), SFM_READ, &info);
    QVERIFY(file);
    sf_close(file);
    qInfo("exported %lld frames, %d ch, %d Hz, format 0x%x", static_cast<long long>(info.frames),
          info.channels, info.samplerate, info.format);
    QCOMPARE(info.channels, 2);
    QCOMPARE(info.samplerate, 44100);
    QCOMPARE(static_cast<std::size_t>(info.frames), h.window->takes().front().take.frames());
    QVERIFY((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV);
    const QString flac = dir.filePath(QStringLiteral("song.flac"));
    QVERIFY2(h.window->exportTake(0, flac, &error), qPrintable(error));
    SF_INFO flac_info{};
    SNDFILE* flac_file = sf_open(flac.toLocal8Bit().constData(), SFM_READ, &flac_info);
    QVERIFY(flac_file);
    sf_close(flac_file);
    qInfo("FLAC: %lld frames, format 0x%x", static_cast<long long>(flac_info.frames),
          flac_info.format);
    QVERIFY((flac_info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_FLAC);
    QCOMPARE(static_cast<std::size_t>(flac_info.frames), h.window->takes().front().take.frames());
    QVERIFY(!h.window->exportTake(0, dir.filePath(QStringLiteral("song.mp3")), &error));
    qInfo("unsupported extension: %s", qPrintable(error));
    // An unwritable target is a message, not a crash.
    QVERIFY(!h.window->exportTake(0, QStringLiteral("/nonexistent-dir/x.wav"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!h.window->exportTake(5, wav, &error));
  }

  void lyricHelpers() {
    Harness h;
    auto* editor = h.window->lyricsEditor();
    editor->setPlainText(QStringLiteral("first line\nsecond line"));
    editor->moveCursorToLine(1);
    editor->stampCurrentLine(12.34);  // tap to time: stamps and moves on
    QCOMPARE(editor->textCursor().blockNumber(), 1);
    editor->stampCurrentLine(15.5);
    QCOMPARE(editor->toPlainText(), QStringLiteral("[00:12.34]first line\n[00:15.50]second line"));
    editor->setPlainText(QStringLiteral("[00:10.00]one two three\nfour five six\n[00:20.00]seven"));
    editor->spreadUntimed(95);
    const QString spread = editor->toPlainText();
    qInfo("spread: %s", qPrintable(spread.split(QLatin1Char('\n')).at(1)));
    QVERIFY(spread.split(QLatin1Char('\n')).at(1).startsWith(QStringLiteral("[00:1")));
  }

  void insertTimestampSuggestsATime() {
    Harness h;
    auto* editor = h.window->lyricsEditor();
    editor->setPlainText(QStringLiteral("[00:10.00]Hello there my friend\nnext line"));
    editor->moveCursorToLine(2);
    h.window->insertTimestamp();
    const QString second = editor->toPlainText().split(QLatin1Char('\n')).at(1);
    qInfo("suggested: %s", qPrintable(second));
    QVERIFY(second.endsWith(QStringLiteral("]next line")));
    QVERIFY(second > QStringLiteral("[00:11") && second < QStringLiteral("[00:30"));
  }

  void issueTooltipsAndResources() {
    Harness h;
    auto* editor = h.window->lyricsEditor();
    editor->setPlainText(
        QStringLiteral("[00:10.00]Line one\n[00:10.10]Second line is long enough to "
                       "overflow\n[00:30.00]x\n[00:40.00]\n"));
    editor->analyzeNow();
    QVERIFY(!editor->issues().empty());
    for (const auto& issue : editor->issues())
      qInfo("line %d [%s] %s", issue.line, issue.code.c_str(), issue.message.c_str());
    // Bundled resources: keyword list for the completer, licences for About.
    QVERIFY(QFile::exists(QStringLiteral(":/NOTICE")));
    QVERIFY(QFile::exists(QStringLiteral(":/data/music_prompt_keywords.json")));
    auto* style = h.find<QLineEdit>("styleEdit");
    style->setFocus();
    QTest::keyClicks(style, QStringLiteral("Sad, Ja"));
    auto* completer = h.window->findChild<QCompleter*>();
    QVERIFY(completer);
    QCOMPARE(completer->completionPrefix(), QStringLiteral("Ja"));
    QVERIFY(completer->completionCount() >= 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("Jazz"));
  }

  void playbackAdvances() {
    if (!pulse_started_) QFAIL("could not start a PulseAudio null sink (is pulseaudio installed?)");
    Harness h(four_second_take());
    QVERIFY(generate_one_take(h));
    auto* player = h.window->playerPanel();
    QVERIFY(player->hasMedia());
    QTest::keyClick(h.window.get(), Qt::Key_Space);  // play
    QTRY_VERIFY_WITH_TIMEOUT(player->positionSeconds() > 0.3, 8000);
    qInfo("playback position %.2f s, state %d", player->positionSeconds(),
          static_cast<int>(player->player()->playbackState()));
    QTest::keyClick(h.window.get(), Qt::Key_Space);  // pause
    QTRY_VERIFY_WITH_TIMEOUT(!player->isPlaying(), 3000);
  }

  // The keyboard path a user takes: Ctrl+Return generates, Esc cancels, and the menu
  // actions carry the documented shortcuts (Ctrl+E export once a take exists).
  void shortcutsDriveTheWindow() {
    test::FakeScript slow;
    slow.block_time = std::chrono::milliseconds(40);
    Harness h(slow);
    h.setLyrics(QString::fromLatin1(kLyrics));
    QTest::keyClick(h.window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(h.window->state(), MainWindow::State::Running);
    QTest::keyClick(h.window.get(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(h.window->state(), MainWindow::State::Idle, 2000);
    QVERIFY(h.window->takes().empty());

    const auto action = [&](const QKeySequence& keys) -> QAction* {
      for (auto* a : h.window->findChildren<QAction*>())
        if (a->shortcuts().contains(keys)) return a;
      return nullptr;
    };
    QVERIFY(action(QKeySequence::Open));
    QVERIFY(action(QKeySequence::Save));
    auto* export_action = action(QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(export_action);
    QVERIFY(!export_action->isEnabled());  // nothing to export yet
    set_fast_preset(h);
    QSignalSpy ended(h.window.get(), &MainWindow::runEnded);
    QTest::keyClick(h.window.get(), Qt::Key_Enter, Qt::ControlModifier);  // keypad Enter
    QVERIFY(ended.wait(20000));
    QCOMPARE(h.window->takes().size(), std::size_t{1});
    QVERIFY(export_action->isEnabled());
  }

  // Lyrics ▸ Examples fills lyrics and style with a song the front end accepts.
  void examplesMenuLoadsASong() {
    Harness h;
    QMenu* examples = nullptr;
    for (auto* menu : h.window->findChildren<QMenu*>())
      if (menu->title().contains(QStringLiteral("xamples"))) examples = menu;
    QVERIFY(examples);
    QVERIFY(examples->actions().size() >= 3);
    examples->actions().front()->trigger();
    auto* editor = h.window->lyricsEditor();
    QVERIFY(editor->toPlainText().startsWith(QLatin1Char('[')));
    QVERIFY(!h.find<QLineEdit>("styleEdit")->text().isEmpty());
    editor->analyzeNow();
    for (const auto& issue : editor->issues()) QVERIFY(issue.severity != Severity::Error);
  }

  // The waveform of the take is drawn and a click on it seeks the player.
  void waveformClickSeeks() {
    if (!pulse_started_) QFAIL("could not start a PulseAudio null sink (is pulseaudio installed?)");
    Harness h(four_second_take());
    QVERIFY(generate_one_take(h));
    auto* player = h.window->playerPanel();
    auto* waveform = player->findChild<WaveformView*>();  // the take's, not a reference song's
    QVERIFY(waveform);
    QVERIFY(waveform->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(player->player()->duration() > 3000, 5000);
    QTest::mouseClick(waveform, Qt::LeftButton, {},
                      QPoint(waveform->width() * 3 / 4, waveform->height() / 2));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(player->positionSeconds() - 3.0) < 0.3, 3000);
    qInfo("clicked at 3/4 of a 4 s take: position %.2f s", player->positionSeconds());
  }

  // Tap to time: while a take plays, F8 stamps the line under the cursor with the
  // playback position.
  void tapToTimeStampsWhilePlaying() {
    if (!pulse_started_) QFAIL("could not start a PulseAudio null sink (is pulseaudio installed?)");
    Harness h(four_second_take());
    QVERIFY(generate_one_take(h));
    auto* editor = h.window->lyricsEditor();
    editor->setPlainText(QStringLiteral("first untimed line\nsecond untimed line"));
    editor->moveCursorToLine(1);
    auto* player = h.window->playerPanel();
    player->togglePlay();
    QTRY_VERIFY_WITH_TIMEOUT(player->positionSeconds() > 0.5, 8000);
    QTest::keyClick(h.window.get(), Qt::Key_F8);
    const double at = player->positionSeconds();
    player->togglePlay();
    const QString first = editor->toPlainText().split(QLatin1Char('\n')).front();
    qInfo("stamped at %.2f s: %s", at, qPrintable(first));
    QVERIFY(first.startsWith(QStringLiteral("[00:0")));
    QVERIFY(first.endsWith(QStringLiteral("]first untimed line")));
    const double stamped = first.mid(4, 5).toDouble();  // [mm:ss.xx] -> ss.xx
    QVERIFY(stamped > 0.3 && stamped <= at + 0.05);
  }

 public:
  bool pulse_started_ = false;
};

int main(int argc, char* argv[]) {
  // Before QApplication: Qt Multimedia connects to PulseAudio when it starts.
  drs::test::PulseNullSink pulse;
  QApplication app(argc, argv);
  TestMainWindow test;
  test.pulse_started_ = pulse.started();
  return QTest::qExec(&test, argc, argv);
}

#include "test_main_window.moc"
