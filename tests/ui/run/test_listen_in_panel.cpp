// The listen-in button: asks for a window centred where the owner says, waits for the
// step to finish, plays the preview labelled as one, and stops on request or reset.
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

#include "support/pulse_null_sink.h"
#include "ui/run/listen_in_panel.h"

using namespace drs;
using namespace drs::ui;

namespace {

PreviewAudio tone_preview(double seconds) {
  PreviewAudio preview;
  preview.step = 3;
  preview.steps = 15;
  preview.start_seconds = 62.0;
  preview.decode_seconds = 4.2;
  const auto frames = static_cast<int>(seconds * preview.sample_rate);
  preview.samples.resize(static_cast<std::size_t>(frames) * 2);
  for (int i = 0; i < frames; ++i) {
    const auto s = static_cast<float>(std::sin(i * 2 * M_PI * 440.0 / preview.sample_rate));
    preview.samples[2 * static_cast<std::size_t>(i)] = s;
    preview.samples[2 * static_cast<std::size_t>(i) + 1] = s;
  }
  return preview;
}

}  // namespace

class TestListenInPanel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // One daemon for the whole test: Qt Multimedia keeps the first server it found.
  void initTestCase() { pulse_ = std::make_unique<drs::test::PulseNullSink>(); }
  void cleanupTestCase() { pulse_.reset(); }

  void asksOnlyWhileSamplingWithTheOwnersCentre() {
    ListenInPanel panel;
    panel.setCentreProvider([] { return 42.5; });
    QSignalSpy asked(&panel, &ListenInPanel::previewRequested);
    QVERIFY(!panel.button()->isEnabled());  // idle: nothing to listen to
    panel.setSampling(true, 1);
    QVERIFY(panel.button()->isEnabled());
    QTest::mouseClick(panel.button(), Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    const auto window = asked.at(0).at(0).value<PreviewWindow>();
    QCOMPARE(window.centre_seconds, 42.5);
    QCOMPARE(window.window_seconds, 10.0);
    QVERIFY(panel.waiting());
    QVERIFY(!panel.button()->isEnabled());  // one request at a time
    QVERIFY(panel.statusText().contains(QStringLiteral("current step finishes")));
    panel.reset();  // the run ended before the step did
    QVERIFY(!panel.waiting());
    QVERIFY(!panel.button()->isEnabled());
  }

  void playsThePreviewLabelledWithItsStepAndCost() {
    if (!pulse_ || !pulse_->started()) QSKIP("no PulseAudio to play on");
    ListenInPanel panel;
    panel.setSampling(true, 3);
    QTest::mouseClick(panel.button(), Qt::LeftButton);
    panel.showPreview(tone_preview(2.0));
    QVERIFY(!panel.waiting());
    QVERIFY(panel.playing());
    QCOMPARE(panel.button()->text(), QStringLiteral("Stop preview"));
    const auto status = panel.statusText();
    QVERIFY2(status.contains(QStringLiteral("step 3 of 15")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("1:02")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("not the finished song")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("4.2")), qPrintable(status));
    // It ends by itself and then offers the next preview with its known cost.
    QTRY_VERIFY_WITH_TIMEOUT(!panel.playing(), 10000);
    QCOMPARE(panel.button()->text(), QStringLiteral("Listen in"));
    QVERIFY(panel.button()->isEnabled());
    QVERIFY2(panel.statusText().contains(QStringLiteral("about 4.2 s")),
             qPrintable(panel.statusText()));
  }

  void stopButtonAndResetStopPlaying() {
    if (!pulse_ || !pulse_->started()) QSKIP("no PulseAudio to play on");
    ListenInPanel panel;
    panel.setSampling(true, 1);
    panel.showPreview(tone_preview(8.0));
    QVERIFY(panel.playing());
    QTest::mouseClick(panel.button(), Qt::LeftButton);
    QVERIFY(!panel.playing());
    panel.showPreview(tone_preview(8.0));
    QVERIFY(panel.playing());
    panel.reset();
    QVERIFY(!panel.playing());
    QVERIFY(panel.statusText().isEmpty());
  }

 private:
  std::unique_ptr<drs::test::PulseNullSink> pulse_;
};

QTEST_MAIN(TestListenInPanel)
#include "test_listen_in_panel.moc"
