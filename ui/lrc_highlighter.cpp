#include "ui/lrc_highlighter.h"

#include <QRegularExpression>

namespace drs::ui {

QColor severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error: return QColor(0xd0, 0x30, 0x30);
    case Severity::Warning: return QColor(0xe0, 0x90, 0x10);
    case Severity::Info: return QColor(0x30, 0x80, 0xd0);
  }
  return Qt::gray;
}

LrcHighlighter::LrcHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void LrcHighlighter::setIssues(std::map<int, std::vector<LyricsIssue>> issues) {
  issues_ = std::move(issues);
  rehighlight();
}

void LrcHighlighter::highlightBlock(const QString& text) {
  static const QRegularExpression stamp(QStringLiteral(R"(^\[\d\d:\d\d\.\d{2,}\])"));
  static const QRegularExpression tag(QStringLiteral(R"(^\[[A-Za-z]+:[^\]]*\])"));
  QTextCharFormat stamp_format;
  stamp_format.setForeground(QColor(0x20, 0x60, 0xb0));
  stamp_format.setFontWeight(QFont::Bold);
  QTextCharFormat tag_format;
  tag_format.setForeground(Qt::darkGray);
  tag_format.setFontItalic(true);
  if (auto match = stamp.match(text); match.hasMatch())
    setFormat(0, static_cast<int>(match.capturedLength()), stamp_format);
  else if (auto tag_match = tag.match(text); tag_match.hasMatch())
    setFormat(0, static_cast<int>(tag_match.capturedLength()), tag_format);

  const auto found = issues_.find(currentBlock().blockNumber());
  if (found == issues_.end()) return;
  for (const auto& issue : found->second) {
    // Columns are code points; QString indexes UTF-16, close enough for BMP text.
    const int from = issue.column > 0 ? std::min<int>(issue.column - 1, text.size()) : 0;
    const int length = std::max(1, static_cast<int>(text.size()) - from);
    for (int i = from; i < from + length; ++i) {
      QTextCharFormat merged = format(i);
      merged.setUnderlineStyle(QTextCharFormat::WaveUnderline);
      merged.setUnderlineColor(severity_color(issue.severity));
      setFormat(i, 1, merged);
    }
  }
}

}  // namespace drs::ui
