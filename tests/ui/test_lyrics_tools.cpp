// Pure logic behind the lyric helpers, the progress/ETA tracker and the speed history.
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include "support/fake_backend.h"
#include "ui/lrc_tools.h"
#include "ui/run_tracker.h"
#include "ui/speed_history.h"

using namespace drs;
using namespace drs::ui;

class TestLyricsTools : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_lyrics_tools"));
    QSettings().clear();
  }

  void formatsTimestamps() {
    QCOMPARE(format_timestamp(0), std::string("[00:00.00]"));
    QCOMPARE(format_timestamp(75.456), std::string("[01:15.45]"));
    QCOMPARE(format_timestamp(-3), std::string("[00:00.00]"));
    QCOMPARE(format_timestamp(9.999), std::string("[00:09.99]"));
  }

  void readsAndReplacesStamps() {
    QCOMPARE(line_timestamp("[01:02.50]hello").value_or(-1), 62.5);
    QVERIFY(!line_timestamp("hello"));
    QVERIFY(!line_timestamp("[ar:Someone]"));
    QCOMPARE(set_line_timestamp("[00:01.00]hello", 12.3), std::string("[00:12.30]hello"));
    QCOMPARE(set_line_timestamp("hello", 5), std::string("[00:05.00]hello"));
  }

  void classifiesLines() {
    QVERIFY(is_untimed_lyric("just words"));
    QVERIFY(!is_untimed_lyric("[00:01.00]words"));
    QVERIFY(!is_untimed_lyric("   "));
    QVERIFY(!is_untimed_lyric("[ti:Title]"));
  }

  void spreadsByTokenCount() {
    const auto count = [](std::string_view text) { return static_cast<int>(text.size()); };
    const std::string text = "[00:10.00]aaaa\nbb\ncc\n[00:20.00]dd";
    const auto lines = split_lines(spread_untimed(text, 95, count));
    QCOMPARE(lines.size(), std::size_t{4});
    // Weights 4 (the timed line itself), 2, 2 share 10 s.
    QCOMPARE(lines[1], std::string("[00:15.00]bb"));
    QCOMPARE(lines[2], std::string("[00:17.50]cc"));
    QCOMPARE(lines[3], std::string("[00:20.00]dd"));
  }

  void spreadsTailAtNaturalPace() {
    const auto count = [](std::string_view) { return 10; };
    const auto lines = split_lines(spread_untimed("[00:10.00]x\ny\nz", 95, count, 0.5));
    // 3 lines x 10 tokens x 0.5 s = 15 s from 10 s; y after the first 10 tokens.
    QCOMPARE(lines[1], std::string("[00:15.00]y"));
    QCOMPARE(lines[2], std::string("[00:20.00]z"));
  }

  void spreadNeverPassesSongEnd() {
    const auto count = [](std::string_view) { return 100; };
    const auto lines = split_lines(spread_untimed("[01:30.00]x\ny", 95, count));
    QVERIFY(line_timestamp(lines[1]).value() <= 94.0);
  }

  void warnsAboutGaps() {
    LyricsAnalysis analysis;
    const auto line = [](int number, int tokens, int available, bool overflows) {
      LyricLine result;
      result.line = number;
      result.tokens = tokens;
      result.frames_available = available;
      result.placed = true;
      result.overflows = overflows;
      return result;
    };
    const LyricLine short_line = line(1, 40, 20, true);
    const LyricLine long_line = line(2, 10, 600, false);
    const LyricLine last = line(3, 10, 900, false);
    analysis.lines = {short_line, long_line, last};
    const auto warnings = gap_warnings(analysis);
    QCOMPARE(warnings.size(), std::size_t{2});
    QCOMPARE(warnings[0].code, std::string("gap-too-short"));
    QCOMPARE(warnings[0].line, 1);
    qInfo("short gap: %s", warnings[0].message.c_str());
    QVERIFY(warnings[0].message.find("20") != std::string::npos);
    QCOMPARE(warnings[1].code, std::string("gap-too-long"));
    qInfo("long gap: %s", warnings[1].message.c_str());
  }

  void trackerIsMonotoneAndCalibrates() {
    RunTracker tracker(RunPriors{
        .sampling_steps = 4, .seconds_per_step = std::nullopt, .decode_seconds = std::nullopt});
    QVERIFY(tracker.calibrating());
    tracker.update(test::make_progress(Stage::Sampling, 0, 4, 0.5, 0, 1));
    QVERIFY(!tracker.remaining());  // nothing measured, no prior: no made-up number
    double last = tracker.fraction();
    for (int step = 1; step <= 4; ++step) {
      tracker.update(test::make_progress(Stage::Sampling, step, 4, 0, 2.0, 1.0 + 2.0 * step));
      QVERIFY(tracker.fraction() >= last);
      last = tracker.fraction();
      QVERIFY(!tracker.calibrating());
      // Remaining sampling = 2 s per step, plus the decode guess.
      const double left = tracker.remaining().value();
      QVERIFY2(left >= 2.0 * (4 - step) && left <= 2.0 * (4 - step) + 2.0,
               qPrintable(QString::number(left)));
    }
    tracker.update(test::make_progress(Stage::Decoding, 0, 2, 0, 0, 9));
    tracker.update(test::make_progress(Stage::Decoding, 1, 2, 0, 1.0, 10));
    QCOMPARE(tracker.remaining().value(), 1.0);
    QVERIFY(tracker.fraction() >= last);
    tracker.update(test::make_progress(Stage::Done, 0, 0, 0, 0, 11));
    QCOMPARE(tracker.fraction(), 1.0);
    QVERIFY(tracker.decode_seconds() > 0);
  }

  void trackerAcceptsIndexNumberedStepEventsAndTimesChunks() {
    RunTracker tracker(RunPriors{
        .sampling_steps = 3, .seconds_per_step = std::nullopt, .decode_seconds = std::nullopt});
    // Step-completed events numbered by index (0, 1, 2) instead of count.
    for (int step = 0; step < 3; ++step) {
      tracker.update(test::make_progress(Stage::Sampling, step, 3, 0.5, 0, step + 0.5));
      tracker.update(test::make_progress(Stage::Sampling, step, 3, 0, 1.0, step + 1.0));
      QCOMPARE(tracker.step(), step + 1);
    }
    QCOMPARE(tracker.normalized(test::make_progress(Stage::Sampling, 2, 3)).step, 3);
    // Decoder events carry no step time: chunk times come from the clock.
    tracker.update(test::make_progress(Stage::Decoding, 0, 0, 0, 0, 3.0));
    tracker.update(test::make_progress(Stage::Decoding, 1, 4, 0, 0, 5.0));
    QCOMPARE(tracker.remaining().value(), 6.0);  // 2 s per chunk, 3 chunks left
  }

  void trackerUsesPriorBeforeFirstStep() {
    RunTracker tracker(
        RunPriors{.sampling_steps = 10, .seconds_per_step = 3.0, .decode_seconds = 5.0});
    tracker.update(test::make_progress(Stage::LoadingModels));
    QCOMPARE(tracker.remaining().value(), 35.0);
    QVERIFY(tracker.calibrating());
  }

  void trackerExtrapolatesInsideTheFirstStep() {
    RunTracker tracker(RunPriors{
        .sampling_steps = 10, .seconds_per_step = std::nullopt, .decode_seconds = std::nullopt});
    tracker.update(test::make_progress(Stage::Sampling, 0, 10, 0.0, 0, 2.0));
    tracker.update(test::make_progress(Stage::Sampling, 0, 10, 0.1, 0, 2.5));
    QVERIFY(!tracker.remaining());  // too little of the step to extrapolate
    tracker.update(test::make_progress(Stage::Sampling, 0, 10, 0.5, 0, 4.0));
    // Half a step took 2 s: 4 s per step, 9.5 steps left, plus the decode guess.
    const double left = tracker.remaining().value();
    qInfo("extrapolated remaining after half a step: %.2f s", left);
    QVERIFY(left >= 38.0 && left <= 38.0 + 0.12 * 4 * 10 + 1e-9);
    QVERIFY(tracker.calibrating());
  }

  void speedHistoryLearns() {
    ModelInfo info;
    info.name = "Test model";
    info.device = "cpu";
    info.precision = "float32";
    const SpeedHistory history(info, 2048);
    QVERIFY(!history.measured());
    const SamplingSettings best{32, 4.0f, std::nullopt};
    const double before = history.estimate_seconds(best);
    QVERIFY(before > 60 * 30);  // the conservative real-model default: >= 30 min
    history.record(2.0, 10.0);
    QVERIFY(history.measured());
    QCOMPARE(history.estimate_seconds(best), 2.0 * 62 + 10.0);
    // Longer songs cost more per forward.
    QVERIFY(SpeedHistory(info, 4096).seconds_per_forward().value() > 4.0);
  }
};

QTEST_GUILESS_MAIN(TestLyricsTools)
#include "test_lyrics_tools.moc"
