#include "ui/takes/library_bar.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace drs::ui {

LibraryBar::LibraryBar(QWidget* parent)
    : QWidget(parent),
      rename_(button(tr("Rename…"), "renameTakeButton", tr("Give the selected take a name"))),
      pin_(button(tr("Pin"), "pinTakeButton",
                  tr("A pinned take is never removed to keep the library within its size"))),
      delete_(button(tr("Delete"), "deleteTakeButton",
                     tr("Remove the selected take (can be undone until the app is closed)"))),
      undo_(button(tr("Undo delete"), "undoDeleteButton", tr("Bring back the last deleted take"))),
      reuse_(button(tr("Reuse settings"), "reuseSettingsButton",
                    tr("Put the take's lyrics, style, preset, length and seed back into the song "
                       "settings"))),
      replay_(button(tr("Replay"), "replayTakeButton",
                     tr("Generate the take again from its replay manifest and check that the "
                        "audio is identical"))),
      size_(new QLabel(this)),
      limit_(button(tr("Size limit…"), "libraryLimitButton",
                    tr("The oldest unpinned takes are removed beyond this size"))) {
  pin_->setCheckable(true);
  size_->setObjectName(QStringLiteral("librarySizeLabel"));
  connect(rename_, &QPushButton::clicked, this, &LibraryBar::renameClicked);
  connect(pin_, &QPushButton::clicked, this, &LibraryBar::pinToggled);
  connect(delete_, &QPushButton::clicked, this, &LibraryBar::deleteClicked);
  connect(undo_, &QPushButton::clicked, this, &LibraryBar::undoClicked);
  connect(reuse_, &QPushButton::clicked, this, &LibraryBar::reuseClicked);
  connect(replay_, &QPushButton::clicked, this, &LibraryBar::replayClicked);
  connect(limit_, &QPushButton::clicked, this, &LibraryBar::limitClicked);
  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(rename_, 0, 0);
  layout->addWidget(pin_, 0, 1);
  layout->addWidget(delete_, 0, 2);
  layout->addWidget(undo_, 0, 3);
  layout->addWidget(reuse_, 1, 0);
  layout->addWidget(replay_, 1, 1);
  layout->addWidget(size_, 1, 2);
  layout->addWidget(limit_, 1, 3);
  showTake(nullptr);
  setUndoAvailable(false);
}

QPushButton* LibraryBar::button(const QString& text, const char* name, const QString& tip) {
  auto* made = new QPushButton(text, this);
  made->setObjectName(QLatin1String(name));
  made->setToolTip(tip);
  return made;
}

void LibraryBar::showTake(const TakeRecord* record) {
  const bool stored = record && !record->library_path.isEmpty();
  rename_->setEnabled(stored);
  pin_->setEnabled(stored);
  pin_->setChecked(stored && record->pinned);
  delete_->setEnabled(record != nullptr);
  reuse_->setEnabled(stored);
  replay_->setEnabled(stored);
}

void LibraryBar::showSize(qint64 bytes, qint64 limit_bytes) {
  const QLocale locale;
  size_->setText(tr("Library: %1 of %2")
                     .arg(locale.formattedDataSize(bytes), locale.formattedDataSize(limit_bytes)));
}

void LibraryBar::setUndoAvailable(bool available) {
  undo_->setEnabled(available);
}

}  // namespace drs::ui
