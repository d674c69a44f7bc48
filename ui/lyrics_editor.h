// The LRC editor: a plain-text editor with stamp highlighting, a gutter of line
// numbers with problem marks, tooltips carrying the analysis messages, and a
// debounced re-analysis after typing stops.
#pragma once

#include <QPlainTextEdit>
#include <QTimer>

#include <functional>
#include <map>
#include <vector>

#include "drs/lyrics.h"

namespace drs::ui {

class LrcHighlighter;

class LyricsEditor : public QPlainTextEdit {
  Q_OBJECT
 public:
  using Analyzer = std::function<LyricsAnalysis(const std::string&)>;

  explicit LyricsEditor(QWidget* parent = nullptr);

  // How to analyse the text (set by the window: it knows model size and length).
  void setAnalyzer(Analyzer analyzer);
  // Re-analyses now (e.g. the song length changed), skipping the debounce.
  void analyzeNow();
  [[nodiscard]] const LyricsAnalysis& analysis() const { return analysis_; }
  // Analysis issues plus the editor's own gap warnings, in line order.
  [[nodiscard]] const std::vector<LyricsIssue>& issues() const { return issues_; }

  // Lyric helpers.
  void insertTimestamp(double seconds);     // at the start of the cursor's line
  void stampCurrentLine(double seconds);    // tap-to-time: stamp, then next line
  void spreadUntimed(double song_seconds);  // evenly, by token counts
  void moveCursorToLine(int line);          // 1-based
  // A time for the cursor's line: after the closest stamped line above it, leaving
  // that line time to be sung (0 when there is none).
  [[nodiscard]] double suggestedTimeForCurrentLine() const;

  int gutterWidth() const;
  void paintGutter(QPaintEvent* event);
  // Shows the issues of the line at viewport height `y` (from the text or the gutter).
  void showIssueTooltip(int y, const QPoint& global);

 Q_SIGNALS:
  void analysisUpdated();
  // The text changed (characters, not just highlighting).
  void lyricsEdited();

 protected:
  void resizeEvent(QResizeEvent* event) override;
  bool event(QEvent* event) override;

 private:
  void updateGutterArea(const QRect& rect, int dy);
  void highlightCurrentLine();
  [[nodiscard]] QString tooltipForBlock(int block) const;
  void replaceLine(int block, const QString& text);

  QWidget* gutter_;
  LrcHighlighter* highlighter_;
  QTimer debounce_;
  Analyzer analyzer_;
  LyricsAnalysis analysis_;
  std::vector<LyricsIssue> issues_;
  std::map<int, std::vector<LyricsIssue>> by_block_;
};

}  // namespace drs::ui
