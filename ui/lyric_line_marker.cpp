#include "ui/lyric_line_marker.h"

#include <QPlainTextEdit>
#include <QTextBlock>

#include <algorithm>

namespace drs::ui {
namespace {

// Marked selections carry this property, so a re-apply replaces only its own.
constexpr int kMarkerProperty = QTextFormat::UserProperty + 16;

}  // namespace

LyricLineMarker::LyricLineMarker(QPlainTextEdit* editor) : QObject(editor), editor_(editor) {
  connect(editor_, &QPlainTextEdit::cursorPositionChanged, this, &LyricLineMarker::apply);
  connect(editor_, &QPlainTextEdit::textChanged, this, &LyricLineMarker::apply);
}

void LyricLineMarker::setLines(std::vector<int> lines) {
  lines_ = std::move(lines);
  apply();
}

void LyricLineMarker::apply() {
  auto selections = editor_->extraSelections();
  selections.erase(std::remove_if(selections.begin(), selections.end(),
                                  [](const QTextEdit::ExtraSelection& s) {
                                    return s.format.hasProperty(kMarkerProperty);
                                  }),
                   selections.end());
  QList<QTextEdit::ExtraSelection> marked;
  for (const int line : lines_) {
    const auto block = editor_->document()->findBlockByNumber(line - 1);
    if (!block.isValid()) continue;
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(QColor(255, 196, 0, 90));  // amber: "sung again"
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.format.setProperty(kMarkerProperty, true);
    selection.cursor = QTextCursor(block);
    marked.push_back(selection);
  }
  // Marked lines first, so the current-line highlight stays visible on top.
  editor_->setExtraSelections(marked + selections);
}

}  // namespace drs::ui
