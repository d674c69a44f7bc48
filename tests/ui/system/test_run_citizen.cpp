// A long run as a good citizen on a laptop, against real D-Bus daemons: two private
// dbus-daemons play the system and the session bus, and this test exports small but
// real logind, screen saver and notification services on them. Runs go through the
// real EngineWorker on a scripted backend.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <stdexcept>

#include "drs/compute_priority.h"
#include "support/fake_backend.h"
#include "support/fake_desktop_services.h"
#include "support/private_bus.h"
#include "ui/engine_worker.h"
#include "ui/system/citizen_settings.h"
#include "ui/system/engine_priority.h"
#include "ui/system/run_citizen.h"
#include "ui/system/sleep_inhibitor.h"

using namespace drs;
using namespace drs::ui;

namespace {

constexpr double kLongRun = 20 * 60;
constexpr double kShortRun = 90;
const QString kLogin1 = QStringLiteral("org.freedesktop.login1");
const QString kScreenSaver = QStringLiteral("org.freedesktop.ScreenSaver");
const QString kPowerManagement = QStringLiteral("org.freedesktop.PowerManagement");
const QString kAppId = QStringLiteral("io.github.diffrhythm_studio.DiffRhythmStudio");

GenerationRequest small_request() {
  GenerationRequest request;
  request.lyrics = "[00:10.00]hello";
  request.style = "pop";
  request.sampling.grid_points = 3;
  return request;
}

ResultPtr run_to_end(EngineWorker& worker) {
  QSignalSpy finished(&worker, &EngineWorker::runFinished);
  if (worker.submit(small_request()) == 0) return nullptr;
  if (finished.isEmpty() && !finished.wait(20000)) return nullptr;
  return finished.takeFirst().at(1).value<ResultPtr>();
}

// Reports two events (the first may come before the window attached its listeners),
// then records the nice value of the thread it computes on.
class NiceProbeBackend final : public GenerationBackend {
 public:
  [[nodiscard]] const ModelInfo& info() const override { return info_; }
  GenerationResult generate(const GenerationRequest&, const ProgressSink& progress,
                            std::stop_token) override {
    progress(test::make_progress(Stage::LoadingModels));
    progress(test::make_progress(Stage::Lyrics));
    nice = thread_nice(static_cast<int>(::syscall(SYS_gettid))).value_or(kUnread);
    GenerationResult result;
    result.outcome = Outcome::Succeeded;
    return result;
  }
  static constexpr int kUnread = -100;
  std::atomic_int nice{kUnread};

 private:
  ModelInfo info_ = test::FakeBackend::demo_info();
};

}  // namespace

class TestRunCitizen : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QGuiApplication::setDesktopFileName(kAppId);
    try {
      system_bus_ = std::make_unique<test::PrivateBus>();
      session_bus_ = std::make_unique<test::PrivateBus>();
    } catch (const std::exception& error) {
      QFAIL(error.what());
    }
    auto system_service = system_bus_->connect(QStringLiteral("system-services"));
    auto session_service = session_bus_->connect(QStringLiteral("session-services"));
    QVERIFY(system_service.isConnected() && session_service.isConnected());
    QVERIFY(system_service.registerObject(QStringLiteral("/org/freedesktop/login1"), &login1_,
                                          QDBusConnection::ExportAllSlots));
    QVERIFY(system_service.registerService(kLogin1));
    QVERIFY(session_service.registerObject(QStringLiteral("/org/freedesktop/ScreenSaver"),
                                           &screen_saver_, QDBusConnection::ExportAllSlots));
    QVERIFY(session_service.registerService(kScreenSaver));
    QVERIFY(session_service.registerObject(QStringLiteral("/org/freedesktop/Notifications"),
                                           &notifications_, QDBusConnection::ExportAllSlots));
    QVERIFY(session_service.registerService(QStringLiteral("org.freedesktop.Notifications")));
  }

  void init() {
    QSettings().clear();
    notifications_.shown.clear();
  }

  void cleanupTestCase() {
    QDBusConnection::disconnectFromBus(QStringLiteral("system-services"));
    QDBusConnection::disconnectFromBus(QStringLiteral("session-services"));
  }

  void longRunKeepsTheComputerAwakeUntilItEnds() {
    QWidget window;
    EngineWorker worker(std::make_unique<test::FakeBackend>());
    RunCitizen citizen(&window, {}, buses());
    const int before = login1_.locks_given();
    citizen.runStarted(&worker, kLongRun);
    QTRY_COMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::Login1);
    QCOMPARE(login1_.locks_given(), before + 1);
    QCOMPARE(login1_.last_call,
             QStringList({QStringLiteral("sleep"), QCoreApplication::applicationName(),
                          QStringLiteral("Generating a song"), QStringLiteral("block")}));
    const auto result = run_to_end(worker);
    QVERIFY(result);
    QVERIFY2(!login1_.lock_released(before), "the lock must last until the run has ended");
    citizen.runEnded();
    QTRY_VERIFY2(login1_.lock_released(before), "the lock's descriptor is still open");
    QCOMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::None);
  }

  // Cancel right after Generate: the answer to the request comes after the release
  // and its lock is closed at once.
  void cancelBeforeTheLockArrivesReleasesIt() {
    QWidget window;
    RunCitizen citizen(&window, {}, buses());
    const int before = login1_.locks_given();
    citizen.runStarted(nullptr, kLongRun);
    citizen.runEnded();
    QTRY_COMPARE(login1_.locks_given(), before + 1);
    QTRY_VERIFY2(login1_.lock_released(before), "a late lock was kept");
    QTest::qWait(50);
    QCOMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::None);
  }

  void shortRunOrSettingOffDoesNotInhibit() {
    QWidget window;
    RunCitizen citizen(&window, {}, buses());
    const int before = login1_.locks_given();
    citizen.runStarted(nullptr, kShortRun);
    citizen.runEnded();
    CitizenSettings::setKeepAwake(false);
    citizen.runStarted(nullptr, kLongRun);
    citizen.runEnded();
    // An unknown estimate counts as long (no history: a real model takes long).
    CitizenSettings::setKeepAwake(true);
    citizen.runStarted(nullptr, std::nullopt);
    QTRY_COMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::Login1);
    QCOMPARE(login1_.locks_given(), before + 1);  // only the last run
    citizen.runEnded();
    QTRY_VERIFY(login1_.lock_released(before));
  }

  void fallsBackToTheScreenSaverWithoutLogind() {
    auto system_service = QDBusConnection(QStringLiteral("system-services"));
    QVERIFY(system_service.unregisterService(kLogin1));
    QWidget window;
    RunCitizen citizen(&window, {}, buses());
    citizen.runStarted(nullptr, kLongRun);
    QTRY_COMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::ScreenSaver);
    QCOMPARE(screen_saver_.active.size(), 1);
    citizen.runEnded();
    QTRY_VERIFY2(screen_saver_.active.isEmpty(), "UnInhibit was not called with the cookie");
    QVERIFY(system_service.registerService(kLogin1));
  }

  void fallsBackToPowerManagementWithoutBoth() {
    auto system_service = QDBusConnection(QStringLiteral("system-services"));
    auto session_service = QDBusConnection(QStringLiteral("session-services"));
    QVERIFY(system_service.unregisterService(kLogin1));
    QVERIFY(session_service.unregisterService(kScreenSaver));
    QVERIFY(
        session_service.registerObject(QStringLiteral("/org/freedesktop/PowerManagement/Inhibit"),
                                       &power_management_, QDBusConnection::ExportAllSlots));
    QVERIFY(session_service.registerService(kPowerManagement));
    QWidget window;
    RunCitizen citizen(&window, {}, buses());
    citizen.runStarted(nullptr, kLongRun);
    QTRY_COMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::PowerManagement);
    QCOMPARE(power_management_.active.size(), 1);
    citizen.runEnded();
    QTRY_VERIFY(power_management_.active.isEmpty());
    QVERIFY(session_service.unregisterService(kPowerManagement));
    QVERIFY(session_service.registerService(kScreenSaver));
    QVERIFY(system_service.registerService(kLogin1));
  }

  void notifiesWhenTheWindowIsNotActive() {
    QWidget window;  // never shown: not the active window
    RunCitizen citizen(
        &window, [] { return QStringLiteral("Take 1 — pop"); }, buses());
    EngineWorker worker(std::make_unique<test::FakeBackend>());
    citizen.runStarted(&worker, kShortRun);
    citizen.runFinished(run_to_end(worker));
    citizen.runEnded();
    QTRY_COMPARE(notifications_.shown.size(), std::size_t{1});
    const auto& shown = notifications_.shown.front();
    QCOMPARE(shown.summary, QStringLiteral("Song finished"));
    QCOMPARE(shown.body, QStringLiteral("Take 1 — pop"));
    QCOMPARE(shown.icon, kAppId);
    QCOMPARE(shown.hints.value(QStringLiteral("desktop-entry")).toString(), kAppId);

    test::FakeScript failure;
    failure.fail = true;
    EngineWorker failing(std::make_unique<test::FakeBackend>(failure));
    citizen.runStarted(&failing, kShortRun);
    citizen.runFinished(run_to_end(failing));
    citizen.runEnded();
    QTRY_COMPARE(notifications_.shown.size(), std::size_t{2});
    QCOMPARE(notifications_.shown.back().summary, QStringLiteral("Generation failed"));
    QCOMPARE(notifications_.shown.back().body,
             QStringLiteral("scripted: the lyrics are not usable"));
  }

  void staysQuietWhileTheWindowIsActive() {
    QWidget window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    RunCitizen citizen(
        &window, [] { return QStringLiteral("Take 1"); }, buses());
    EngineWorker worker(std::make_unique<test::FakeBackend>());
    citizen.runStarted(&worker, kShortRun);
    citizen.runFinished(run_to_end(worker));
    citizen.runEnded();
    QTest::qWait(300);  // a notification would have arrived by now (the others do in ms)
    QVERIFY(notifications_.shown.empty());
  }

  void runsWorkWithoutAnyBus() {
    const DesktopBuses none{QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent"),
                                                          QStringLiteral("no-system")),
                            QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent"),
                                                          QStringLiteral("no-session"))};
    QVERIFY(!none.system.isConnected() && !none.session.isConnected());
    // What the window uses under the offscreen platform of this test.
    QVERIFY(!DesktopBuses::standard().system.isConnected());
    QVERIFY(!DesktopBuses::standard().session.isConnected());
    QWidget window;
    RunCitizen citizen(
        &window, [] { return QStringLiteral("Take 1"); }, none);
    EngineWorker worker(std::make_unique<test::FakeBackend>());
    QSignalSpy changed(citizen.sleepInhibitor(), &SleepInhibitor::changed);
    citizen.runStarted(&worker, kLongRun);
    QTRY_COMPARE(changed.size(), 1);  // every method tried and failed
    QCOMPARE(citizen.sleepInhibitor()->method(), SleepInhibitor::Method::None);
    const auto result = run_to_end(worker);
    QVERIFY(result);
    QCOMPARE(result->outcome, Outcome::Succeeded);
    citizen.runFinished(result);  // no session bus: the notification goes nowhere
    citizen.runEnded();
    QTest::qWait(50);
  }

  // Off first: once lowered, an unprivileged process could not go back.
  void responsiveSettingLowersTheEngineThread() {
    const int base = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::getpid()));
    QWidget window;
    for (const bool responsive : {false, true}) {
      CitizenSettings::setResponsive(responsive);
      RunCitizen citizen(&window, {}, buses());
      auto backend = std::make_unique<NiceProbeBackend>();
      auto* probe = backend.get();
      EngineWorker worker(std::move(backend));
      citizen.runStarted(&worker, kShortRun);
      QVERIFY(run_to_end(worker));
      citizen.runEnded();
      QCOMPARE(probe->nice.load(), responsive ? base + kLowPriorityNiceIncrement : base);
      QVERIFY(citizen.enginePriority()->lastChange().threads >= 1);
      QCOMPARE(thread_nice(static_cast<int>(::getpid())), std::optional<int>(base));
    }
  }

 private:
  [[nodiscard]] DesktopBuses buses() const {
    return {system_bus_->connect(QStringLiteral("client-system")),
            session_bus_->connect(QStringLiteral("client-session"))};
  }

  std::unique_ptr<test::PrivateBus> system_bus_;
  std::unique_ptr<test::PrivateBus> session_bus_;
  test::FakeLogin1 login1_;
  test::FakeScreenSaver screen_saver_;
  test::FakePowerManagement power_management_;
  test::FakeNotifications notifications_;
};

QTEST_MAIN(TestRunCitizen)
#include "test_run_citizen.moc"
