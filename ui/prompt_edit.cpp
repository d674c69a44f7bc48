#include "ui/prompt_edit.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringListModel>

namespace drs::ui {

QStringList PromptEdit::keywordsFromJson(const QByteArray& json) {
  QStringList keywords;
  const QJsonObject root = QJsonDocument::fromJson(json).object();
  for (auto it = root.begin(); it != root.end(); ++it)
    for (const auto& value : it.value().toArray())
      if (value.isString() && !keywords.contains(value.toString())) keywords << value.toString();
  keywords.sort(Qt::CaseInsensitive);
  return keywords;
}

PromptEdit::PromptEdit(QWidget* parent) : QLineEdit(parent), completer_(new QCompleter(this)) {
  QFile file(QStringLiteral(":/data/music_prompt_keywords.json"));
  const QStringList keywords =
      file.open(QIODevice::ReadOnly) ? keywordsFromJson(file.readAll()) : QStringList{};
  completer_->setModel(new QStringListModel(keywords, completer_));
  completer_->setCaseSensitivity(Qt::CaseInsensitive);
  completer_->setCompletionMode(QCompleter::PopupCompletion);
  // Not setCompleter(): QLineEdit would complete the whole text, we complete the
  // keyword after the last comma.
  completer_->setWidget(this);
  setPlaceholderText(tr("e.g. Pop, Emotional, Piano, female vocals"));
  connect(this, &QLineEdit::textEdited, this, &PromptEdit::updateCompletion);
  connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
          &PromptEdit::insertCompletion);
}

void PromptEdit::updateCompletion(const QString& text) {
  const QString prefix = text.section(QLatin1Char(','), -1).trimmed();
  if (prefix.isEmpty()) {
    completer_->popup()->hide();
    return;
  }
  completer_->setCompletionPrefix(prefix);
  if (completer_->completionCount() > 0)
    completer_->complete();
  else
    completer_->popup()->hide();
}

void PromptEdit::insertCompletion(const QString& keyword) {
  QString current = text();
  const qsizetype comma = current.lastIndexOf(QLatin1Char(','));
  current = comma < 0 ? keyword : current.left(comma + 1) + QLatin1Char(' ') + keyword;
  setText(current);
}

}  // namespace drs::ui
