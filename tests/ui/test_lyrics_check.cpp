// The editor's lyric checks: gap warnings worded from drs::frontend::find_gaps.
#include <QCoreApplication>
#include <QTest>

#include "tests/frontend/fixtures.h"
#include "ui/lyrics_check.h"

using namespace drs;
using namespace drs::ui;

class TestLyricsCheck : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void warnsAboutGaps() {
    LyricsAnalysis analysis;
    analysis.lines = {test::placed_line(1, 40, 20, true), test::placed_line(2, 10, 600, false),
                      test::placed_line(3, 10, 900, false)};
    const auto warnings = gap_warnings(analysis);
    QCOMPARE(warnings.size(), std::size_t{2});
    QCOMPARE(warnings[0].code, std::string("gap-too-short"));
    QCOMPARE(warnings[0].line, 1);
    QCOMPARE(warnings[0].severity, Severity::Warning);
    qInfo("short gap: %s", warnings[0].message.c_str());
    QVERIFY(warnings[0].message.find("20") != std::string::npos);
    QCOMPARE(warnings[1].code, std::string("gap-too-long"));
    QCOMPARE(warnings[1].line, 2);
    QCOMPARE(warnings[1].severity, Severity::Info);
    qInfo("long gap: %s", warnings[1].message.c_str());
  }
};

QTEST_GUILESS_MAIN(TestLyricsCheck)
#include "test_lyrics_check.moc"
