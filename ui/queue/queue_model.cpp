#include "ui/queue/queue_model.h"

#include "ui/run/run_text.h"

namespace drs::ui {

int QueueModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant QueueModel::data(const QModelIndex& index, int role) const {
  const QueueItem* item = at(index.row());
  if (!item || index.parent().isValid()) return {};
  if (role == Qt::DisplayRole) return label(index.row());
  if (role == Qt::ToolTipRole) return QString::fromStdString(item->request.lyrics);
  return {};
}

const QueueItem* QueueModel::at(int row) const {
  return row >= 0 && row < rowCount() ? &items_[static_cast<std::size_t>(row)] : nullptr;
}

void QueueModel::append(QueueItem item) {
  const int row = rowCount();
  beginInsertRows({}, row, row);
  items_.push_back(std::move(item));
  endInsertRows();
}

bool QueueModel::remove(int row) {
  if (!at(row)) return false;
  beginRemoveRows({}, row, row);
  items_.erase(items_.begin() + row);
  endRemoveRows();
  return true;
}

bool QueueModel::move(int from, int to) {
  if (!at(from) || !at(to) || from == to) return false;
  // Qt's destination is the row the item goes before, counted before the move.
  beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
  auto item = std::move(items_[static_cast<std::size_t>(from)]);
  items_.erase(items_.begin() + from);
  items_.insert(items_.begin() + to, std::move(item));
  endMoveRows();
  return true;
}

std::optional<QueueItem> QueueModel::takeFirst() {
  if (items_.empty()) return std::nullopt;
  auto item = items_.front();
  remove(0);
  return item;
}

void QueueModel::reestimate(
    const std::function<std::optional<double>(const QueueItem&)>& estimate) {
  if (items_.empty()) return;
  for (auto& item : items_) item.estimate_s = estimate(item);
  Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

std::optional<double> QueueModel::totalSeconds() const {
  double total = 0;
  for (const auto& item : items_) {
    if (!item.estimate_s) return std::nullopt;
    total += *item.estimate_s;
  }
  return total;
}

QString QueueModel::label(int row) const {
  const QueueItem& item = items_[static_cast<std::size_t>(row)];
  const QString seed = item.request.seed ? QString::number(*item.request.seed) : tr("random");
  const QString estimate =
      item.estimate_s ? tr("about %1").arg(duration_text(*item.estimate_s)) : tr("no estimate yet");
  return tr("%1. %2 — %3 — seed %4 — %5")
      .arg(row + 1)
      .arg(item.style.isEmpty() ? tr("(no prompt)") : item.style, item.preset, seed, estimate);
}

}  // namespace drs::ui
