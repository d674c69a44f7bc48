#include "ui/lyrics/lyrics_panel.h"

#include <QFile>
#include <QFileDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QSaveFile>
#include <QVBoxLayout>

#include "ui/lyrics_editor.h"
#include "ui/player_panel.h"

namespace drs::ui {

LyricsPanel::LyricsPanel(QWidget* parent)
    : QGroupBox(tr("Lyrics (LRC)"), parent),
      editor_(new LyricsEditor(this)),
      problems_(new QListWidget(this)) {
  editor_->setObjectName(QStringLiteral("lyricsEditor"));
  problems_->setObjectName(QStringLiteral("problemsList"));
  problems_->setMaximumHeight(110);
  problems_->setWordWrap(true);
  problems_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  connect(problems_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    editor_->moveCursorToLine(item->data(Qt::UserRole).toInt());
    editor_->setFocus();
  });
  connect(problems_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    editor_->moveCursorToLine(item->data(Qt::UserRole).toInt());
  });
  connect(editor_, &LyricsEditor::analysisUpdated, this, &LyricsPanel::updateProblems);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(editor_, 1);
  layout->addWidget(problems_);
}

void LyricsPanel::updateProblems() {
  problems_->clear();
  for (const auto& issue : editor_->issues()) {
    const QString where = issue.line > 0 ? tr("Line %1").arg(issue.line) : tr("Lyrics");
    auto* item = new QListWidgetItem(
        QStringLiteral("%1: %2").arg(where, QString::fromStdString(issue.message)), problems_);
    item->setData(Qt::UserRole, issue.line);
    item->setForeground(issue.severity == Severity::Error     ? QColor(0xb0, 0x20, 0x20)
                        : issue.severity == Severity::Warning ? QColor(0xa0, 0x60, 0x00)
                                                              : palette().color(QPalette::Text));
    item->setToolTip(QString::fromStdString(issue.code));
  }
  problems_->setVisible(problems_->count() > 0);
}

void LyricsPanel::setLyrics(const QString& text) {
  editor_->setPlainText(text);
  path_.clear();
}

void LyricsPanel::openLyrics() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open lyrics"), QString(),
                                                    tr("LRC lyrics (*.lrc *.txt);;All files (*)"));
  if (path.isEmpty()) return;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    QMessageBox::warning(this, tr("Open lyrics"),
                         tr("Cannot read %1: %2").arg(path, file.errorString()));
    return;
  }
  editor_->setPlainText(QString::fromUtf8(file.readAll()));
  path_ = path;
}

void LyricsPanel::saveLyrics() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save lyrics"), path_.isEmpty() ? QStringLiteral("song.lrc") : path_,
      tr("LRC lyrics (*.lrc)"));
  if (path.isEmpty()) return;
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(editor_->toPlainText().toUtf8()) < 0 ||
      !file.commit()) {
    QMessageBox::warning(this, tr("Save lyrics"),
                         tr("Cannot write %1: %2").arg(path, file.errorString()));
    return;
  }
  path_ = path;
  Q_EMIT statusMessage(tr("Saved %1").arg(path), 4000);
}

void LyricsPanel::insertTimestamp(const PlayerPanel& player) {
  // While listening: the playback position. Otherwise a guess after the previous
  // stamped line, from its token count, for the writer to adjust.
  if (player.hasMedia()) return editor_->insertTimestamp(player.positionSeconds());
  editor_->insertTimestamp(editor_->suggestedTimeForCurrentLine());
}

void LyricsPanel::stampLine(const PlayerPanel& player) {
  if (!player.isPlaying())
    return Q_EMIT statusMessage(
        tr("Tap to time: play a take, then press F8 at the start of each line."), 6000);
  editor_->stampCurrentLine(player.positionSeconds());
}

}  // namespace drs::ui
