// Colours LRC stamps and metadata tags and underlines lines the analysis complains
// about (red: errors that block a run, orange: warnings, blue: hints).
#pragma once

#include <QSyntaxHighlighter>

#include <map>
#include <vector>

#include "drs/lyrics.h"

namespace drs::ui {

class LrcHighlighter : public QSyntaxHighlighter {
  Q_OBJECT
 public:
  explicit LrcHighlighter(QTextDocument* document);

  // Issues keyed by 0-based block number; re-highlights the document.
  void setIssues(std::map<int, std::vector<LyricsIssue>> issues);

 protected:
  void highlightBlock(const QString& text) override;

 private:
  std::map<int, std::vector<LyricsIssue>> issues_;
};

// The colour used for a severity in the editor, its gutter and the problem list.
QColor severity_color(Severity severity);

}  // namespace drs::ui
