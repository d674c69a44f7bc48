// How fast this machine ran each model, kept in QSettings for the next run's estimate.
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include "ui/speed_history.h"

using namespace drs;
using namespace drs::ui;

class TestSpeedHistory : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("DrsUiTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_speed_history"));
    QSettings().clear();
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

QTEST_GUILESS_MAIN(TestSpeedHistory)
#include "test_speed_history.moc"
