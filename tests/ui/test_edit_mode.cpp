// Edit mode offscreen: spans dragged on a take's waveform, the lyric lines inside them
// marked, and the edit / continue requests the window submits; A/B between a take
// and its parent.
#include <QApplication>
#include <QComboBox>
#include <QListView>
#include <QMediaPlayer>
#include <QMutex>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <vector>

#include "support/fake_backend.h"
#include "support/pulse_null_sink.h"
#include "ui/edit_panel.h"
#include "ui/edit_selection.h"
#include "ui/lyric_line_marker.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/player_panel.h"
#include "ui/span_selector.h"

using namespace drs;
using namespace drs::ui;

namespace {

// The fake engine, keeping every request it is given.
class RecordingBackend final : public GenerationBackend {
 public:
  RecordingBackend(test::FakeScript script, ModelInfo info) : fake_(script, std::move(info)) {}
  [[nodiscard]] const ModelInfo& info() const override { return fake_.info(); }
  GenerationResult generate(const GenerationRequest& request, const ProgressSink& progress,
                            std::stop_token stop) override {
    {
      const QMutexLocker lock(&mutex_);
      requests_.push_back(request);
    }
    return fake_.generate(request, progress, std::move(stop));
  }
  std::vector<GenerationRequest> requests() {
    const QMutexLocker lock(&mutex_);
    return requests_;
  }

 private:
  test::FakeBackend fake_;
  QMutex mutex_;
  std::vector<GenerationRequest> requests_;
};

// Four lines; the base model drops the last one (MODEL.md pitfall 15).
constexpr const char* kLyrics =
    "[00:02.00]First line\n[00:08.00]Second line\n[00:14.00]Third line\n[00:30.00]Last\n";

struct Harness {
  RecordingBackend* backend = nullptr;
  std::unique_ptr<MainWindow> window;

  explicit Harness(ModelInfo info, double take_seconds = 20) {
    test::FakeScript script;
    script.take_seconds = take_seconds;
    script.block_time = std::chrono::milliseconds(1);
    auto owned = std::make_unique<RecordingBackend>(script, std::move(info));
    backend = owned.get();
    window = std::make_unique<MainWindow>(std::move(owned), nullptr);
    window->resize(1100, 800);
    window->show();
    window->lyricsEditor()->setPlainText(QString::fromUtf8(kLyrics));
    auto* preset = find<QSlider>("presetSlider");
    preset->setValue(preset->maximum());
  }
  template <typename T>
  T* find(const char* name) const {
    auto* widget = window->findChild<T*>(QLatin1String(name));
    if (!widget) qFatal("no widget named %s", name);
    return widget;
  }
  bool click_and_wait(const char* button) const {
    QSignalSpy ended(window.get(), &MainWindow::runEnded);
    QTest::mouseClick(find<QPushButton>(button), Qt::LeftButton);
    return ended.wait(20000);
  }
  // Drags across the span selector from `from` to `to` (fractions of its width).
  void drag(double from, double to) const {
    auto* selector = find<SpanSelector>("spanSelector");
    const int y = selector->height() / 2;
    const auto at = [&](double f) { return QPoint(static_cast<int>(f * selector->width()), y); };
    QTest::mousePress(selector, Qt::LeftButton, Qt::NoModifier, at(from));
    QTest::mouseMove(selector, at((from + to) / 2));
    QTest::mouseRelease(selector, Qt::LeftButton, Qt::NoModifier, at(to));
  }
};

ModelInfo full_model() {
  ModelInfo info = test::FakeBackend::demo_info();
  info.max_frames = 6144;
  info.min_seconds = 96;
  info.max_seconds = 285;
  return info;
}

}  // namespace

class TestEditMode : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void draggedSpansMarkTheirLyricLinesAndBecomeTheEditRequest() {
    Harness h(test::FakeBackend::demo_info());
    QVERIFY(h.click_and_wait("generateButton"));
    QCOMPARE(h.window->takes().size(), std::size_t{1});
    auto* panel = h.find<EditPanel>("editPanel");
    panel->setChecked(true);
    QTest::qWait(20);  // layout after showing the controls
    auto* regenerate = h.find<QPushButton>("regenerateSelection");
    QVERIFY(!regenerate->isEnabled());  // nothing selected yet

    // A 20 s take: 10-25 % = 2-5 s, 75-90 % = 15-18 s; a plain click adds nothing.
    h.drag(0.10, 0.25);
    h.drag(0.90, 0.75);  // right to left works too
    h.drag(0.5, 0.5);
    const auto spans = panel->spans();
    QCOMPARE(spans.size(), std::size_t{2});
    const double pixel = 20.0 / h.find<SpanSelector>("spanSelector")->width();
    QVERIFY(std::abs(spans[0].start - 2) <= 2 * pixel && std::abs(spans[0].end - 5) <= 2 * pixel);
    QVERIFY(std::abs(spans[1].start - 15) <= 2 * pixel && std::abs(spans[1].end - 18) <= 2 * pixel);
    // Line 1 (2-8 s) and line 3 (14-30 s) are sung inside the spans; line 2 (8-14 s) not.
    auto* marker = h.window->lyricsEditor()->findChild<LyricLineMarker*>();
    QVERIFY(marker);
    QCOMPARE(marker->lines(), (std::vector<int>{1, 3}));
    const auto marked = h.window->lyricsEditor()->extraSelections();
    QVERIFY(marked.size() >= 2);

    QVERIFY(regenerate->isEnabled());
    QVERIFY(h.click_and_wait("regenerateSelection"));
    const auto requests = h.backend->requests();
    QCOMPARE(requests.size(), std::size_t{2});
    const auto& edit = requests.back().edit;
    QVERIFY(edit.has_value());
    QVERIFY(!requests.front().edit.has_value());
    QVERIFY(!edit->continuation);
    QCOMPARE(QString::fromStdString(edit->reference.string()),
             h.window->takes().front().preview_path);
    QVERIFY(edit->spans == spans);
    QCOMPARE(requests.back().seconds, requests.front().seconds);
    QCOMPARE(requests.back().lyrics, requests.front().lyrics);

    // The new take is linked to its parent; A/B swaps the player between them.
    QCOMPARE(h.window->takes().size(), std::size_t{2});
    QCOMPARE(h.window->takes().back().parent, 0);
    QCOMPARE(h.window->takes().front().parent, -1);
    auto* takes = h.find<QListView>("takesList");
    QVERIFY(takes->model()->index(1, 0).data().toString().contains(QLatin1String("take 1")));
    auto* ab = h.find<QPushButton>("abParent");
    QVERIFY(ab->isEnabled());
    auto* player = h.window->playerPanel()->player();
    const auto source_of = [](const TakeRecord& t) { return QUrl::fromLocalFile(t.preview_path); };
    QCOMPARE(player->source(), source_of(h.window->takes().back()));
    ab->click();
    QCOMPARE(player->source(), source_of(h.window->takes().front()));
    ab->click();
    QCOMPARE(player->source(), source_of(h.window->takes().back()));

    // Right-click removes a span; the marks follow.
    auto* selector = h.find<SpanSelector>("spanSelector");
    takes->setCurrentIndex(takes->model()->index(0, 0));
    QVERIFY(!ab->isEnabled());        // take 1 has no parent
    QVERIFY(panel->spans().empty());  // a new take starts without a selection
    h.drag(0.10, 0.25);
    QTest::mouseClick(selector, Qt::RightButton, Qt::NoModifier,
                      QPoint(static_cast<int>(0.2 * selector->width()), selector->height() / 2));
    QVERIFY(panel->spans().empty());
    QVERIFY(marker->lines().empty());
  }

  void continueOffersTheFullModelsLengths() {
    Harness h(full_model());
    QVERIFY(h.click_and_wait("generateButton"));
    h.find<EditPanel>("editPanel")->setChecked(true);
    auto* lengths = h.find<QComboBox>("continueLength");
    QCOMPARE(lengths->count(), 285 - 96 + 1);  // a 20 s take: every full-model length
    QCOMPARE(lengths->itemData(0).toDouble(), 96.0);
    lengths->setCurrentIndex(lengths->findData(120.0));
    QVERIFY(h.click_and_wait("continueTake"));
    const auto request = h.backend->requests().back();
    QVERIFY(request.edit.has_value());
    QVERIFY(request.edit->continuation);
    QCOMPARE(request.seconds, 120.0);
    QCOMPARE(QString::fromStdString(request.edit->reference.string()),
             h.window->takes().front().preview_path);
    QCOMPARE(h.window->takes().back().parent, 0);
  }

  void aBaseModelCannotContinueAFullLengthTake() {
    Harness h(test::FakeBackend::demo_info(), 2048 * 2048 / 44100.0);
    QVERIFY(h.click_and_wait("generateButton"));
    h.find<EditPanel>("editPanel")->setChecked(true);
    QCOMPARE(h.find<QComboBox>("continueLength")->count(), 0);
    auto* continue_button = h.find<QPushButton>("continueTake");
    QVERIFY(!continue_button->isEnabled());
    QVERIFY(continue_button->toolTip().contains(QLatin1String("full model")));
  }
};

int main(int argc, char* argv[]) {
  drs::test::PulseNullSink pulse;
  QApplication app(argc, argv);
  TestEditMode test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_edit_mode.moc"
