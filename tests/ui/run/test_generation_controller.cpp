// GenerationController without a widget: requests from the song settings, the run
// state through a scripted engine, cancel, the speed it records; and the same event
// stream fed to the controller and to diffrhythm-cli's printer gives the same ETA.
#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <vector>

#include "printed_etas.h"
#include "progress_printer.h"
#include "support/fake_backend.h"
#include "ui/run/generation_controller.h"
#include "ui/speed_history.h"

using namespace drs;
using namespace drs::ui;

namespace {

// Replays a fixed event stream (elapsed times included), then returns one short take.
class ReplayBackend final : public GenerationBackend {
 public:
  explicit ReplayBackend(std::vector<Progress> events) : events_(std::move(events)) {}
  [[nodiscard]] const ModelInfo& info() const override { return info_; }
  GenerationResult generate(const GenerationRequest&, const ProgressSink& progress,
                            std::stop_token) override {
    for (const auto& event : events_) progress(event);
    GenerationResult result;
    result.outcome = Outcome::Succeeded;
    result.takes.resize(1);
    result.takes.front().audio.assign(2 * 4410, 0.0f);
    return result;
  }

 private:
  std::vector<Progress> events_;
  ModelInfo info_ = test::FakeBackend::demo_info();
};

// A run as the engine reports it: preparation, 4 steps with blocks, 3 chunks.
std::vector<Progress> run_events() {
  std::vector<Progress> events;
  double t = 0;
  events.push_back(test::make_progress(Stage::LoadingModels, 0, 0, 0, 0, t += 0.5));
  events.push_back(test::make_progress(Stage::Lyrics, 0, 0, 0, 0, t += 0.1));
  events.push_back(test::make_progress(Stage::Style, 0, 0, 0, 0, t += 0.2));
  events.push_back(test::make_progress(Stage::Sampling, 0, 4, 0, 0, t));
  for (int step = 0; step < 4; ++step) {
    const double step_time = 2.0 + 0.25 * step;
    for (int block = 1; block <= 4; ++block)
      events.push_back(
          test::make_progress(Stage::Sampling, step, 4, block / 4.0, 0, t += step_time / 4));
    events.push_back(test::make_progress(Stage::Sampling, step + 1, 4, 0, step_time, t));
  }
  events.push_back(test::make_progress(Stage::Decoding, 0, 3, 0, 0, t));
  for (int chunk = 1; chunk <= 3; ++chunk)
    events.push_back(test::make_progress(Stage::Decoding, chunk, 3, 0, 0, t += 0.7));
  events.push_back(test::make_progress(Stage::Done, 1, 1, 0, 0, t));
  return events;
}

// The "eta" of each JSON line diffrhythm-cli --json-progress prints for `events`.
std::vector<double> cli_etas(const std::vector<Progress>& events) {
  return test::printed_etas(events, cli::ProgressPrinter::Mode::Json, frontend::RunPriors{});
}

SongSettings settings_with_style(std::string style) {
  SongSettings settings;
  settings.style = std::move(style);
  settings.seconds = 95;
  settings.sampling = SamplingSettings{8, 2.0f, -1.0f};
  settings.seed = 11;
  return settings;
}

}  // namespace

class TestGenerationController : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_generation_controller"));
    QSettings().clear();
  }

  void buildsTheRequestFromTheSettings() {
    const auto text = GenerationController::request("[00:01.00]la", settings_with_style("pop"));
    QCOMPARE(text.lyrics, std::string("[00:01.00]la"));
    QCOMPARE(text.style, std::string("pop"));
    QVERIFY(!text.style_audio);
    QCOMPARE(text.seed.value_or(0), std::uint64_t{11});
    QCOMPARE(text.sampling.grid_points, 8);
    auto reference = settings_with_style("pop");
    reference.wants_reference = true;
    reference.style_audio = ReferenceStyle{"/songs/ref.wav", 12.0};
    const auto audio = GenerationController::request("", reference);
    QVERIFY(audio.style.empty());  // the engine refuses a prompt next to a reference
    QCOMPARE(audio.style_audio->file.string(), std::string("/songs/ref.wav"));
  }

  void runsCancelsAndRecordsSpeed() {
    GenerationController controller;
    QVERIFY(!controller.hasEngine());
    QVERIFY(!controller.modelError().isEmpty());
    QVERIFY(!controller.start(GenerationRequest{}));
    ModelInfo real = test::FakeBackend::demo_info();
    real.is_demo = false;  // a real set's speed is what the history keeps
    real.name = "Controller test";
    controller.attachBackend(std::make_unique<test::FakeBackend>(test::FakeScript{}, real));
    QVERIFY(controller.hasEngine());
    QCOMPARE(controller.songFrames(95), 2048);
    QVERIFY(!controller.lengthChoosable());

    QSignalSpy states(&controller, &GenerationController::stateChanged);
    QSignalSpy ended(&controller, &GenerationController::runEnded);
    const auto request = GenerationController::request("", settings_with_style("pop"));
    QVERIFY(controller.start(request));
    QCOMPARE(controller.state(), GenerationController::State::Running);
    QVERIFY(!controller.start(request));  // one run at a time
    QVERIFY(ended.wait(20000));
    QCOMPARE(ended.front().front().value<Outcome>(), Outcome::Succeeded);
    QCOMPARE(controller.state(), GenerationController::State::Idle);
    QCOMPARE(states.count(), 2);
    QCOMPARE(controller.tracker()->fraction(), 1.0);
    QVERIFY(SpeedHistory(real, 2048).measured());
    // The next run starts from what this one measured.
    QVERIFY(controller.priorsFor(request.sampling, 95).seconds_per_step.value() > 0);

    ended.clear();
    QVERIFY(controller.start(request));
    controller.cancel();
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.front().front().value<Outcome>(), Outcome::Cancelled);
    QCOMPARE(controller.state(), GenerationController::State::Idle);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.worker()->busy(), 5000);
  }

  // One event stream, two front ends: the window's run state and the CLI's printer
  // must show the same ETA after every event.
  void guiAndCliShowTheSameEta() {
    const auto events = run_events();
    GenerationController controller;
    controller.attachBackend(std::make_unique<ReplayBackend>(events));
    std::vector<double> gui;
    connect(&controller, &GenerationController::progressed, this, [&] {
      const auto left = controller.tracker()->remaining();
      gui.push_back(left ? *left : -1.0);
    });
    QSignalSpy ended(&controller, &GenerationController::runEnded);
    QVERIFY(controller.start(GenerationRequest{}));
    QVERIFY(ended.wait(10000));
    const auto cli = cli_etas(events);
    QCOMPARE(gui.size(), events.size());
    QCOMPARE(cli.size(), events.size());
    int known = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
      QCOMPARE(gui[i], cli[i]);
      known += gui[i] >= 0;
    }
    qInfo("%zu events, %d with an ETA; after step 2: %.2f s", events.size(), known, gui[13]);
    QVERIFY(known > static_cast<int>(events.size()) / 2);  // not all "unknown"
  }
};

QTEST_GUILESS_MAIN(TestGenerationController)
#include "test_generation_controller.moc"
