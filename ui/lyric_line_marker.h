// Marks lines of a text editor (e.g. the lyric lines an edit will sing again) as extra
// selections kept on top of the editor's own current-line highlight, which replaces
// the editor's extra selections whenever the cursor moves.
#pragma once

#include <QObject>

#include <vector>

class QPlainTextEdit;

namespace drs::ui {

class LyricLineMarker : public QObject {
  Q_OBJECT
 public:
  // Connects after the editor's own cursor handler, so it runs after it.
  explicit LyricLineMarker(QPlainTextEdit* editor);

  void setLines(std::vector<int> lines);  // 1-based; empty = none
  [[nodiscard]] const std::vector<int>& lines() const { return lines_; }

 private:
  void apply();

  QPlainTextEdit* editor_;
  std::vector<int> lines_;
};

}  // namespace drs::ui
