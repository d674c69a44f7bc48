#include "ui/lyrics_editor.h"

#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

#include "frontend/lrc_tools.h"
#include "ui/cjk_font.h"
#include "ui/lrc_highlighter.h"
#include "ui/lyrics_check.h"

namespace drs::ui {
namespace {

constexpr int kDebounceMs = 350;
constexpr int kMarkWidth = 10;

class Gutter : public QWidget {
 public:
  explicit Gutter(LyricsEditor* editor) : QWidget(editor), editor_(editor) {}
  [[nodiscard]] QSize sizeHint() const override { return {editor_->gutterWidth(), 0}; }

 protected:
  void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }
  bool event(QEvent* e) override {
    if (e->type() == QEvent::ToolTip) {
      // Forward to the editor at the same height so both share one tooltip logic.
      const auto* help = static_cast<QHelpEvent*>(e);
      editor_->showIssueTooltip(help->pos().y(), help->globalPos());
      return true;
    }
    return QWidget::event(e);
  }

 private:
  LyricsEditor* editor_;
};

Severity worst(const std::vector<LyricsIssue>& issues) {
  Severity result = Severity::Info;
  for (const auto& issue : issues)
    if (static_cast<int>(issue.severity) > static_cast<int>(result)) result = issue.severity;
  return result;
}

}  // namespace

LyricsEditor::LyricsEditor(QWidget* parent)
    : QPlainTextEdit(parent),
      gutter_(new Gutter(this)),
      highlighter_(new LrcHighlighter(document())) {
  setLineWrapMode(QPlainTextEdit::NoWrap);
  QFont mono(QStringLiteral("Monospace"));
  mono.setStyleHint(QFont::TypeWriter);
  setFont(withChineseGlyphs(mono));
  setPlaceholderText(tr("[00:10.00]First line of the song\n[00:14.50]Second line ..."));
  debounce_.setSingleShot(true);
  debounce_.setInterval(kDebounceMs);
  connect(&debounce_, &QTimer::timeout, this, &LyricsEditor::analyzeNow);
  // Not textChanged: re-highlighting changes formats and emits it too, which would
  // re-trigger the analysis (and autosave) forever. Only real character edits count.
  connect(document(), &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
    if (removed == 0 && added == 0) return;
    debounce_.start();
    Q_EMIT lyricsEdited();
  });
  connect(this, &QPlainTextEdit::blockCountChanged, this,
          [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
  connect(this, &QPlainTextEdit::updateRequest, this, &LyricsEditor::updateGutterArea);
  connect(this, &QPlainTextEdit::cursorPositionChanged, this, &LyricsEditor::highlightCurrentLine);
  setViewportMargins(gutterWidth(), 0, 0, 0);
  highlightCurrentLine();
}

void LyricsEditor::setAnalyzer(Analyzer analyzer) {
  analyzer_ = std::move(analyzer);
  analyzeNow();
}

void LyricsEditor::analyzeNow() {
  debounce_.stop();
  analysis_ = analyzer_ ? analyzer_(toPlainText().toStdString()) : LyricsAnalysis{};
  issues_ = analysis_.issues;
  // The engine may already flag overflowing lines; add ours only where it is silent.
  for (auto& gap : gap_warnings(analysis_)) {
    const bool covered = std::any_of(issues_.begin(), issues_.end(), [&](const auto& issue) {
      return issue.line == gap.line && gap.code == "gap-too-short" && issue.code == "overflow";
    });
    if (!covered) issues_.push_back(std::move(gap));
  }
  std::stable_sort(issues_.begin(), issues_.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  by_block_.clear();
  for (const auto& issue : issues_)
    if (issue.line > 0) by_block_[issue.line - 1].push_back(issue);
  highlighter_->setIssues(by_block_);
  gutter_->update();
  Q_EMIT analysisUpdated();
}

int LyricsEditor::gutterWidth() const {
  const int digits = QString::number(std::max(1, blockCount())).size();
  return 8 + kMarkWidth + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(2, digits);
}

void LyricsEditor::updateGutterArea(const QRect& rect, int dy) {
  if (dy)
    gutter_->scroll(0, dy);
  else
    gutter_->update(0, rect.y(), gutter_->width(), rect.height());
}

void LyricsEditor::resizeEvent(QResizeEvent* event) {
  QPlainTextEdit::resizeEvent(event);
  const QRect area = contentsRect();
  gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void LyricsEditor::paintGutter(QPaintEvent* event) {
  QPainter painter(gutter_);
  painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
  QTextBlock block = firstVisibleBlock();
  int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
  const int line_height = fontMetrics().height();
  while (block.isValid() && top <= event->rect().bottom()) {
    if (block.isVisible()) {
      painter.setPen(palette().color(QPalette::PlaceholderText));
      painter.drawText(0, top, gutter_->width() - kMarkWidth - 4, line_height, Qt::AlignRight,
                       QString::number(block.blockNumber() + 1));
      if (auto found = by_block_.find(block.blockNumber()); found != by_block_.end()) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(severity_color(worst(found->second)));
        painter.setPen(Qt::NoPen);
        const int size = std::min(kMarkWidth - 2, line_height - 4);
        painter.drawEllipse(gutter_->width() - kMarkWidth, top + (line_height - size) / 2, size,
                            size);
      }
    }
    top += qRound(blockBoundingRect(block).height());
    block = block.next();
  }
}

QString LyricsEditor::tooltipForBlock(int block) const {
  const auto found = by_block_.find(block);
  if (found == by_block_.end()) return {};
  QStringList lines;
  for (const auto& issue : found->second) {
    const QString label = issue.severity == Severity::Error     ? tr("Error")
                          : issue.severity == Severity::Warning ? tr("Warning")
                                                                : tr("Note");
    lines << QStringLiteral("<b>%1</b>: %2")
                 .arg(label, QString::fromStdString(issue.message).toHtmlEscaped());
  }
  return lines.join(QStringLiteral("<br>"));
}

bool LyricsEditor::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    const auto* help = static_cast<QHelpEvent*>(e);
    showIssueTooltip(help->pos().y(), help->globalPos());
    return true;
  }
  return QPlainTextEdit::event(e);
}

void LyricsEditor::showIssueTooltip(int y, const QPoint& global) {
  // Only the height matters: an issue belongs to the whole line.
  const int block = cursorForPosition(QPoint(0, std::max(0, y))).blockNumber();
  const QString text = tooltipForBlock(block);
  if (text.isEmpty())
    QToolTip::hideText();
  else
    QToolTip::showText(global, text, this);
}

void LyricsEditor::highlightCurrentLine() {
  QTextEdit::ExtraSelection current;
  current.format.setBackground(palette().color(QPalette::Highlight).lighter(185));
  current.format.setProperty(QTextFormat::FullWidthSelection, true);
  current.cursor = textCursor();
  current.cursor.clearSelection();
  setExtraSelections({current});
}

void LyricsEditor::replaceLine(int block_number, const QString& text) {
  QTextCursor cursor(document()->findBlockByNumber(block_number));
  cursor.movePosition(QTextCursor::StartOfBlock);
  cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
  cursor.insertText(text);
}

void LyricsEditor::insertTimestamp(double seconds) {
  const int block = textCursor().blockNumber();
  const auto line = document()->findBlockByNumber(block).text().toStdString();
  replaceLine(block, QString::fromStdString(frontend::set_line_timestamp(line, seconds)));
}

void LyricsEditor::stampCurrentLine(double seconds) {
  QTextCursor cursor = textCursor();
  const int block = cursor.blockNumber();
  const auto line = document()->findBlockByNumber(block).text().toStdString();
  cursor.beginEditBlock();
  replaceLine(block, QString::fromStdString(frontend::set_line_timestamp(line, seconds)));
  cursor.endEditBlock();
  // Next lyric line, so the writer keeps tapping along with the song.
  int next = block + 1;
  while (next < blockCount() && document()->findBlockByNumber(next).text().trimmed().isEmpty())
    ++next;
  moveCursorToLine(std::min(next, blockCount() - 1) + 1);
}

void LyricsEditor::spreadUntimed(double song_seconds) {
  const auto text = toPlainText().toStdString();
  const auto spread = frontend::spread_untimed(text, song_seconds, count_line_tokens);
  if (spread == text) return;
  QTextCursor cursor(document());
  cursor.beginEditBlock();  // one undo step
  cursor.select(QTextCursor::Document);
  cursor.insertText(QString::fromStdString(spread));
  cursor.endEditBlock();
}

double LyricsEditor::suggestedTimeForCurrentLine() const {
  constexpr double kSecondsPerToken = 0.3;  // a relaxed singing pace
  for (QTextBlock block = textCursor().block().previous(); block.isValid();
       block = block.previous()) {
    const auto line = block.text().toStdString();
    if (const auto time = frontend::line_timestamp(line)) {
      const auto text = line.substr(std::min(line.size(), line.find(']') + 1));
      return *time + kSecondsPerToken * count_line_tokens(text);
    }
  }
  return 0.0;
}

void LyricsEditor::moveCursorToLine(int line) {
  const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
  if (!block.isValid()) return;
  QTextCursor cursor(block);
  setTextCursor(cursor);
  ensureCursorVisible();
}

}  // namespace drs::ui
