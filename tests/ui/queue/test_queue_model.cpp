// QueueModel: queued runs in order, moved, removed, run next, taken first, and the sum
// of their estimates (none while one item has none), estimated again.
#include <QSignalSpy>
#include <QTest>

#include "ui/queue/queue_model.h"

using namespace drs;
using namespace drs::ui;

namespace {

QueueItem item(std::uint64_t seed, std::optional<double> estimate) {
  QueueItem queued;
  queued.request.seed = seed;
  queued.style = QStringLiteral("style %1").arg(seed);
  queued.preset = QStringLiteral("Draft");
  queued.estimate_s = estimate;
  return queued;
}

std::vector<std::uint64_t> seeds(const QueueModel& model) {
  std::vector<std::uint64_t> order;
  for (const auto& queued : model.items()) order.push_back(*queued.request.seed);
  return order;
}

}  // namespace

class TestQueueModel : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void reordersRemovesAndRunsNext() {
    QueueModel model;
    for (std::uint64_t seed : {1, 2, 3, 4}) model.append(item(seed, 60.0 * seed));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("1. style 1 — Draft")));

    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QVERIFY(model.move(0, 2));  // down two
    QCOMPARE(seeds(model), (std::vector<std::uint64_t>{2, 3, 1, 4}));
    QVERIFY(model.move(3, 1));  // up two
    QCOMPARE(seeds(model), (std::vector<std::uint64_t>{2, 4, 3, 1}));
    QCOMPARE(moved.size(), 2);
    QVERIFY(!model.move(0, 4));  // outside the list
    QVERIFY(!model.move(1, 1));

    QVERIFY(model.runNext(2));
    QCOMPARE(seeds(model), (std::vector<std::uint64_t>{3, 2, 4, 1}));
    QVERIFY(model.remove(1));
    QVERIFY(!model.remove(3));
    QCOMPARE(seeds(model), (std::vector<std::uint64_t>{3, 4, 1}));
    QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("1. style 3")));

    const auto first = model.takeFirst();
    QVERIFY(first.has_value());
    QCOMPARE(*first->request.seed, std::uint64_t{3});
    QCOMPARE(seeds(model), (std::vector<std::uint64_t>{4, 1}));
    model.takeFirst();
    model.takeFirst();
    QVERIFY(!model.takeFirst().has_value());
  }

  void sumsTheEstimates() {
    QueueModel model;
    QCOMPARE(model.totalSeconds(), std::optional<double>(0.0));
    model.append(item(1, 90.0));
    model.append(item(2, 150.5));
    QCOMPARE(model.totalSeconds(), std::optional<double>(240.5));
    QVERIFY(model.index(1, 0).data().toString().contains(QStringLiteral("about 2 min 30 s")));
    model.append(item(3, std::nullopt));  // this machine has no measurement yet
    QVERIFY(!model.totalSeconds().has_value());
    QVERIFY(model.index(2, 0).data().toString().contains(QStringLiteral("no estimate yet")));
    model.remove(2);
    QCOMPARE(model.totalSeconds(), std::optional<double>(240.5));
  }

  // Items queued before this machine had run the model get their estimates once a run
  // has finished; the view is told which rows changed.
  void estimatesAgain() {
    QueueModel model;
    model.append(item(1, std::nullopt));
    model.append(item(2, std::nullopt));
    QVERIFY(!model.totalSeconds().has_value());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.reestimate([](const QueueItem& queued) {
      return std::optional<double>(100.0 * static_cast<double>(*queued.request.seed));
    });
    QCOMPARE(model.totalSeconds(), std::optional<double>(300.0));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QVERIFY(model.index(1, 0).data().toString().contains(QStringLiteral("about 3 min")));
    QueueModel empty;
    QSignalSpy none(&empty, &QAbstractItemModel::dataChanged);
    empty.reestimate([](const QueueItem&) { return std::optional<double>(1.0); });
    QCOMPARE(none.size(), 0);
  }
};

QTEST_MAIN(TestQueueModel)
#include "test_queue_model.moc"
