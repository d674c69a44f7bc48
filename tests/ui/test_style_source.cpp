// The style from a reference song: the panel reads the song, places the official 10 s
// clip, moves it where the waveform is clicked (within the song), refuses songs under
// 10 s, and the window sends the file and clip instead of the prompt.
#include <sndfile.h>

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <vector>

#include "support/fake_backend.h"
#include "ui/lyrics_editor.h"
#include "ui/main_window.h"
#include "ui/style_source_panel.h"
#include "ui/waveform_view.h"

using namespace drs;
using namespace drs::ui;

namespace {

QString write_tone(const QTemporaryDir& dir, const QString& name, double seconds) {
  const QString path = dir.filePath(name);
  SF_INFO info{};
  info.samplerate = 44100;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* file = sf_open(path.toUtf8().constData(), SFM_WRITE, &info);
  const auto frames = static_cast<sf_count_t>(seconds * 44100);
  std::vector<float> samples(static_cast<std::size_t>(frames) * 2);
  for (sf_count_t i = 0; i < frames; ++i)
    samples[static_cast<std::size_t>(2 * i)] = samples[static_cast<std::size_t>(2 * i + 1)] =
        0.3f * static_cast<float>(std::sin(2 * M_PI * 440.0 * static_cast<double>(i) / 44100));
  sf_writef_float(file, samples.data(), frames);
  sf_close(file);
  return path;
}

}  // namespace

class TestStyleSource : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_style_source"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
  }

  void placesAndMovesTheClip() {
    StyleSourcePanel panel;
    panel.resize(600, 160);
    panel.show();
    QVERIFY(!panel.referenceStyle());
    QString error;
    QVERIFY2(panel.loadReference(write_tone(dir_, QStringLiteral("thirty.wav"), 30.0), &error),
             qPrintable(error));
    QCOMPARE(panel.referenceSeconds(), 30.0);
    QCOMPARE(panel.clipStart(), 10.0);  // official: floor(30 / 2) - 5
    panel.setUsesReference(true);
    auto* waveform = panel.findChild<WaveformView*>(QStringLiteral("referenceWaveform"));
    QVERIFY(waveform->isVisible());
    // A click centres the clip on it; near the end the clip stays inside the song.
    QTest::mouseClick(waveform, Qt::LeftButton, {},
                      QPoint(waveform->width() * 8 / 10, waveform->height() / 2));
    qInfo("click at 80 %%: clip starts at %.2f s", panel.clipStart());
    QVERIFY(std::abs(panel.clipStart() - 19.0) < 0.3);
    QTest::mouseClick(waveform, Qt::LeftButton, {}, QPoint(waveform->width() - 1, 1));
    QCOMPARE(panel.clipStart(), 20.0);
    panel.setClipStart(-3);
    QCOMPARE(panel.clipStart(), 0.0);
    const auto style = panel.referenceStyle();
    QVERIFY(style.has_value());
    QCOMPARE(QString::fromStdString(style->file.string()), panel.referencePath());
    QCOMPARE(style->clip_start.value_or(-1), 0.0);
  }

  void refusesSongsShorterThanTheClip() {
    StyleSourcePanel panel;
    QString error;
    QVERIFY(!panel.loadReference(write_tone(dir_, QStringLiteral("short.wav"), 6.0), &error));
    qInfo("%s", qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("short.wav")));
    QVERIFY(error.contains(QStringLiteral("10 s")));
    QVERIFY(!panel.loadReference(dir_.filePath(QStringLiteral("missing.wav")), &error));
    QVERIFY(!panel.referenceStyle());
  }

  void theWindowSendsTheSongInsteadOfThePrompt() {
    auto backend = std::make_unique<test::FakeBackend>();
    auto* fake = backend.get();
    MainWindow window(std::move(backend), nullptr);
    window.show();
    window.lyricsEditor()->setPlainText(QStringLiteral("[00:05.00]Hello\n[00:20.00]\n"));
    auto* source = window.styleSource();
    source->setUsesReference(true);
    QSignalSpy ended(&window, &MainWindow::runEnded);
    window.generate();  // no song chosen yet: refused with a reason, nothing runs
    QCOMPARE(ended.count(), 1);
    QCOMPARE(fake->runs.load(), 0);
    QVERIFY(source->loadReference(write_tone(dir_, QStringLiteral("ref.wav"), 12.0)));
    source->setClipStart(1.5);
    window.generate();
    QVERIFY(ended.wait(10000));
    QCOMPARE(ended.last().at(0).value<Outcome>(), Outcome::Succeeded);
    const auto request = fake->lastRequest();
    QVERIFY(request.style.empty());
    QVERIFY(request.style_audio.has_value());
    QCOMPARE(QString::fromStdString(request.style_audio->file.filename().string()),
             QStringLiteral("ref.wav"));
    QCOMPARE(request.style_audio->clip_start.value_or(-1), 1.5);
  }

 private:
  QTemporaryDir dir_;
};

QTEST_MAIN(TestStyleSource)
#include "test_style_source.moc"
