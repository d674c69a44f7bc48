// The style prompt field: comma-separated keywords, each completed on its own from
// the bundled keyword lists (genre, mood, instrument, ...).
#pragma once

#include <QLineEdit>
#include <QStringList>

class QCompleter;

namespace drs::ui {

class PromptEdit : public QLineEdit {
  Q_OBJECT
 public:
  explicit PromptEdit(QWidget* parent = nullptr);
  [[nodiscard]] QCompleter* completer() const { return completer_; }

  // All keywords of a music_prompt_keywords.json document (every list, de-duplicated).
  static QStringList keywordsFromJson(const QByteArray& json);

 private:
  void updateCompletion(const QString& text);
  void insertCompletion(const QString& keyword);

  QCompleter* completer_;
};

}  // namespace drs::ui
