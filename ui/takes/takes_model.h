// The takes (this session's and the library's) as a list model: one row per take,
// labelled with its name or style, seed, preset, length and the take it was made from.
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
  // Takes the row out; the takes made from it no longer name it as their parent.
  TakeRecord removeAt(int row);
  // Puts `record` back at `row` (an undone delete).
  void insertAt(int row, TakeRecord record);
  void setName(int row, const QString& name);
  void setPinned(int row, bool pinned);
  // Reads a library take's audio on first use; false + reason when it cannot be read.
  bool loadAudio(int row, QString* error);

 private:
  [[nodiscard]] QString label(int row) const;

  std::vector<TakeRecord> takes_;
};

}  // namespace drs::ui
