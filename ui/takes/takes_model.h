// The takes of this session as a list model: one row per take, labelled with its
// style, seed, preset, length and the take it was made from.
#pragma once

#include <QAbstractListModel>

#include <vector>

#include "ui/takes/take_record.h"

namespace drs::ui {

class TakesModel : public QAbstractListModel {
  Q_OBJECT
 public:
  using QAbstractListModel::QAbstractListModel;

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

  void append(TakeRecord record);
  [[nodiscard]] const std::vector<TakeRecord>& takes() const { return takes_; }
  // The take at `row`, or null outside the list.
  [[nodiscard]] const TakeRecord* at(int row) const;

 private:
  [[nodiscard]] QString label(int row) const;

  std::vector<TakeRecord> takes_;
};

}  // namespace drs::ui
