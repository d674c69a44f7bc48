// The runs waiting behind the current one: each a snapshot of the lyrics, style,
// preset and seed at the time it was queued, with its own time estimate (the ETA
// priors of this machine, drs::frontend::run_priors). Reorder, remove and "run next".
#pragma once

#include <QAbstractListModel>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "drs/engine.h"

namespace drs::ui {

struct QueueItem {
  GenerationRequest request;
  QString style;                     // as the list shows it
  QString preset;                    // the preset's name
  std::optional<double> estimate_s;  // none: this machine has not run the model yet
};

class QueueModel : public QAbstractListModel {
  Q_OBJECT
 public:
  using QAbstractListModel::QAbstractListModel;

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

  void append(QueueItem item);
  [[nodiscard]] const QueueItem* at(int row) const;
  [[nodiscard]] const std::vector<QueueItem>& items() const { return items_; }
  bool remove(int row);
  // Moves the item at `from` to `to` (both rows of the list).
  bool move(int from, int to);
  // The item at `row` goes first: it runs when the current run ends.
  bool runNext(int row) { return move(row, 0); }
  // Takes the first item out to run it; none when the queue is empty.
  std::optional<QueueItem> takeFirst();
  // Estimates each item again (e.g. once a finished run taught this machine's speed).
  void reestimate(const std::function<std::optional<double>(const QueueItem&)>& estimate);
  // The estimates summed; none when an item has none.
  [[nodiscard]] std::optional<double> totalSeconds() const;

 private:
  [[nodiscard]] QString label(int row) const;

  std::vector<QueueItem> items_;
};

}  // namespace drs::ui
