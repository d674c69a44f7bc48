// The QThread worker: progress arrives as queued signals (monotone, one event per
// finished step), cancellation is prompt and leaves the engine reusable, failures
// come back as results instead of crashes.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "frontend/run_tracker.h"
#include "support/fake_backend.h"
#include "ui/engine_worker.h"

using namespace drs;
using namespace drs::ui;

namespace {

GenerationRequest request_with_steps(int steps) {
  GenerationRequest request;
  request.lyrics = "[00:10.00]hello";
  request.style = "pop";
  request.sampling.grid_points = steps + 1;
  return request;
}

ResultPtr wait_result(QSignalSpy& spy, int timeout_ms = 20000) {
  if (spy.isEmpty() && !spy.wait(timeout_ms)) return nullptr;
  return spy.takeFirst().at(1).value<ResultPtr>();
}

}  // namespace

class TestEngineWorker : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void progressIsMonotoneAndOnePerStep() {
    auto backend = std::make_unique<test::FakeBackend>();
    EngineWorker worker(std::move(backend));
    std::vector<Progress> events;
    connect(&worker, &EngineWorker::progressed, this,
            [&](quint64, const Progress& progress) { events.push_back(progress); });
    QSignalSpy finished(&worker, &EngineWorker::runFinished);
    QVERIFY(worker.submit(request_with_steps(12)));
    const auto result = wait_result(finished);
    QVERIFY(result);
    QCOMPARE(result->outcome, Outcome::Succeeded);
    QCOMPARE(result->takes.size(), std::size_t{1});

    int finished_steps = 0;
    int last_step = -1;
    frontend::RunTracker tracker({.sampling_steps = 12,
                                  .seconds_per_step = std::nullopt,
                                  .decode_seconds = std::nullopt,
                                  .takes = 1});
    double last_fraction = 0;
    for (const auto& event : events) {
      tracker.update(event);
      QVERIFY2(tracker.fraction() >= last_fraction, "overall progress went backwards");
      last_fraction = tracker.fraction();
      if (event.stage != Stage::Sampling) continue;
      QVERIFY(event.step >= last_step);
      last_step = event.step;
      if (event.step_seconds > 0) {
        ++finished_steps;
        QCOMPARE(event.step, finished_steps);
      }
    }
    qInfo("events %zu, finished sampling steps %d, final fraction %.3f", events.size(),
          finished_steps, last_fraction);
    QCOMPARE(finished_steps, 12);
    QCOMPARE(last_fraction, 1.0);
    QVERIFY(!worker.busy());
  }

  void cancelIsPromptAndEngineReusable() {
    test::FakeScript script;
    script.block_time = std::chrono::milliseconds(40);  // 160 ms per step
    auto backend = std::make_unique<test::FakeBackend>(script);
    auto* fake = backend.get();
    EngineWorker worker(std::move(backend));
    QSignalSpy finished(&worker, &EngineWorker::runFinished);
    int steps_done = 0;
    connect(&worker, &EngineWorker::progressed, this, [&](quint64, const Progress& progress) {
      if (progress.stage == Stage::Sampling) steps_done = progress.step;
    });
    const auto first = worker.submit(request_with_steps(50));
    QVERIFY(first > 0);
    QCOMPARE(worker.submit(request_with_steps(50)), std::uint64_t{0});  // busy: refused
    QTRY_VERIFY_WITH_TIMEOUT(steps_done >= 2, 10000);
    QElapsedTimer clock;
    clock.start();
    worker.cancel();
    // A cancelled run no longer blocks: the next one queues behind its stop.
    const auto second = worker.submit(request_with_steps(3));
    QVERIFY(second > first);
    const auto cancelled = wait_result(finished);
    const auto cancel_ms = clock.elapsed();
    qInfo("engine stopped %lld ms after cancel (at step %d)", static_cast<long long>(cancel_ms),
          steps_done);
    QVERIFY(cancelled);
    QCOMPARE(cancelled->outcome, Outcome::Cancelled);
    QVERIFY(cancelled->takes.empty());
    QVERIFY(cancel_ms < 1000);
    QCOMPARE(fake->cancelled.load(), 1);

    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).value<quint64>(), second);
    QCOMPARE(finished.at(0).at(1).value<ResultPtr>()->outcome, Outcome::Succeeded);
    QCOMPARE(fake->runs.load(), 2);
    QVERIFY(!worker.busy());
  }

  void cancellingAQueuedRunNeverStartsIt() {
    test::FakeScript script;
    script.block_time = std::chrono::milliseconds(40);
    auto backend = std::make_unique<test::FakeBackend>(script);
    auto* fake = backend.get();
    EngineWorker worker(std::move(backend));
    QSignalSpy finished(&worker, &EngineWorker::runFinished);
    QVERIFY(worker.submit(request_with_steps(50)) > 0);
    QTest::qWait(100);
    worker.cancel();
    QVERIFY(worker.submit(request_with_steps(50)) > 0);
    worker.cancel();  // the queued one
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(finished.at(1).at(1).value<ResultPtr>()->outcome, Outcome::Cancelled);
    QCOMPARE(fake->runs.load(), 1);  // the backend never saw the second request
    QVERIFY(!worker.busy());
  }

  // Generate right after Cancel, before the worker thread even picked the first run up:
  // the new run is accepted and completes; the first one ends cancelled.
  void submitRightAfterCancelIsAccepted() {
    test::FakeScript script;
    script.block_time = std::chrono::milliseconds(10);
    EngineWorker worker(std::make_unique<test::FakeBackend>(script));
    QSignalSpy finished(&worker, &EngineWorker::runFinished);
    for (int round = 0; round < 20; ++round) {
      finished.clear();
      const auto first = worker.submit(request_with_steps(50));
      QVERIFY(first > 0);
      worker.cancel();
      const auto second = worker.submit(request_with_steps(2));
      QVERIFY2(second > first, "refused right after a cancel");
      QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
      QCOMPARE(finished.at(0).at(0).value<quint64>(), first);
      QCOMPARE(finished.at(0).at(1).value<ResultPtr>()->outcome, Outcome::Cancelled);
      QCOMPARE(finished.at(1).at(0).value<quint64>(), second);
      QCOMPARE(finished.at(1).at(1).value<ResultPtr>()->outcome, Outcome::Succeeded);
      QTRY_VERIFY(!worker.busy());
    }
  }

  void exceptionsBecomeFailedResults() {
    test::FakeScript script;
    script.throw_internal = true;
    EngineWorker worker(std::make_unique<test::FakeBackend>(script));
    QSignalSpy finished(&worker, &EngineWorker::runFinished);
    QVERIFY(worker.submit(request_with_steps(3)));
    const auto result = wait_result(finished);
    QVERIFY(result);
    QCOMPARE(result->outcome, Outcome::Failed);
    QCOMPARE(result->error_kind, ErrorKind::Internal);
    QVERIFY(QString::fromStdString(result->error).contains(QStringLiteral("scripted")));
  }

  void destroyingWhileRunningDoesNotHang() {
    test::FakeScript script;
    script.block_time = std::chrono::milliseconds(20);
    QElapsedTimer clock;
    {
      EngineWorker worker(std::make_unique<test::FakeBackend>(script));
      QVERIFY(worker.submit(request_with_steps(200)));
      QTest::qWait(100);
      clock.start();
    }  // destructor cancels and joins
    QVERIFY(clock.elapsed() < 1000);
  }

  // The user's Cancel throws the run away, journal included, even when the window (and
  // with it the worker) closes before the cancelled run's end reaches the GUI thread;
  // a run cut short by closing stays resumable.
  void cancelDiscardsTheJournalAndCloseKeepsIt() {
    const QTemporaryDir dir;
    for (const bool user_cancel : {true, false}) {
      test::FakeScript script;
      script.block_time = std::chrono::milliseconds(20);
      script.journal = std::filesystem::path(dir.path().toStdString()) /
                       (user_cancel ? "cancelled.journal" : "closed.journal");
      {
        EngineWorker worker(std::make_unique<test::FakeBackend>(script));
        QVERIFY(worker.submit(request_with_steps(200)));
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::exists(script.journal), 10000);
        if (user_cancel) worker.cancel();
      }  // no event loop turn: the cancelled run's end is never delivered
      QCOMPARE(std::filesystem::exists(script.journal), !user_cancel);
    }
  }
};

QTEST_GUILESS_MAIN(TestEngineWorker)
#include "test_engine_worker.moc"
