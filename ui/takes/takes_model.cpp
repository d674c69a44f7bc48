#include "ui/takes/takes_model.h"

#include <algorithm>

#include "drs/error.h"
#include "drs/reference_audio.h"
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

TakeRecord TakesModel::removeAt(int row) {
  beginRemoveRows({}, row, row);
  TakeRecord record = std::move(takes_[static_cast<std::size_t>(row)]);
  takes_.erase(takes_.begin() + row);
  for (auto& take : takes_)
    if (take.parent == row)
      take.parent = -1;
    else if (take.parent > row)
      --take.parent;
  endRemoveRows();
  return record;
}

void TakesModel::insertAt(int row, TakeRecord record) {
  row = std::clamp(row, 0, rowCount());
  beginInsertRows({}, row, row);
  for (auto& take : takes_)
    if (take.parent >= row) ++take.parent;
  takes_.insert(takes_.begin() + row, std::move(record));
  endInsertRows();
}

void TakesModel::setName(int row, const QString& name) {
  if (!at(row)) return;
  takes_[static_cast<std::size_t>(row)].name = name;
  Q_EMIT dataChanged(index(row), index(row));
}

void TakesModel::setPinned(int row, bool pinned) {
  if (!at(row)) return;
  takes_[static_cast<std::size_t>(row)].pinned = pinned;
  Q_EMIT dataChanged(index(row), index(row));
}

bool TakesModel::loadAudio(int row, QString* error) {
  if (!at(row)) return false;
  Take& take = takes_[static_cast<std::size_t>(row)].take;
  if (!take.audio.empty()) return true;
  try {
    auto audio = read_audio_file(takes_[static_cast<std::size_t>(row)].library_path.toStdString());
    take.audio = std::move(audio.samples);
    take.channels = audio.channels;
    take.sample_rate = audio.sample_rate;
  } catch (const Error& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
  return true;
}

QString TakesModel::label(int row) const {
  const TakeRecord& take = takes_[static_cast<std::size_t>(row)];
  const QString title = !take.name.isEmpty()   ? take.name
                        : take.style.isEmpty() ? tr("(no prompt)")
                                               : take.style;
  QString text = tr("Take %1 — %2 — seed %3 — %4 — %5")
                     .arg(row + 1)
                     .arg(take.pinned ? tr("%1 (pinned)").arg(title) : title)
                     .arg(take.take.seed)
                     .arg(take.preset, format_clock(take.seconds));
  if (take.parent >= 0) text = tr("%1 — from take %2").arg(text).arg(take.parent + 1);
  return text;
}

}  // namespace drs::ui
