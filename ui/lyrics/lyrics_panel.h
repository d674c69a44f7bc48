// The "Lyrics (LRC)" box: the editor, the list of problems its analysis found (click
// one to go to its line), and reading and writing .lrc files.
#pragma once

#include <QGroupBox>

class QListWidget;

namespace drs::ui {

class LyricsEditor;
class PlayerPanel;

class LyricsPanel : public QGroupBox {
  Q_OBJECT
 public:
  explicit LyricsPanel(QWidget* parent = nullptr);

  [[nodiscard]] LyricsEditor* editor() const { return editor_; }
  // Replaces the text; it belongs to no file until saved.
  void setLyrics(const QString& text);
  void openLyrics();
  void saveLyrics();
  // A stamp at the playback position while a take is loaded, else a guess after the
  // previous stamped line.
  void insertTimestamp(const PlayerPanel& player);
  // Tap to time: stamps the line at the playing position and moves to the next.
  void stampLine(const PlayerPanel& player);

 Q_SIGNALS:
  void statusMessage(const QString& text, int timeout_ms);

 private:
  void updateProblems();

  LyricsEditor* editor_;
  QListWidget* problems_;
  QString path_;  // the file the lyrics were read from or saved to
};

}  // namespace drs::ui
