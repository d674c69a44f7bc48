#include "ui/takes/takes_model.h"

#include "ui/player_panel.h"

namespace drs::ui {

int TakesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(takes_.size());
}

QVariant TakesModel::data(const QModelIndex& index, int role) const {
  const TakeRecord* record = at(index.row());
  if (!record || index.parent().isValid()) return {};
  if (role == Qt::DisplayRole) return label(index.row());
  if (role == Qt::ToolTipRole) return record->style;
  return {};
}

const TakeRecord* TakesModel::at(int row) const {
  return row >= 0 && row < static_cast<int>(takes_.size()) ? &takes_[static_cast<std::size_t>(row)]
                                                           : nullptr;
}

void TakesModel::append(TakeRecord record) {
  const int row = static_cast<int>(takes_.size());
  beginInsertRows({}, row, row);
  takes_.push_back(std::move(record));
  endInsertRows();
}

QString TakesModel::label(int row) const {
  const TakeRecord& take = takes_[static_cast<std::size_t>(row)];
  QString text = tr("Take %1 — %2 — seed %3 — %4 — %5")
                     .arg(row + 1)
                     .arg(take.style.isEmpty() ? tr("(no prompt)") : take.style)
                     .arg(take.take.seed)
                     .arg(take.preset, format_clock(take.seconds));
  if (take.parent >= 0) text = tr("%1 — from take %2").arg(text).arg(take.parent + 1);
  return text;
}

}  // namespace drs::ui
