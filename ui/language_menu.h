// Settings > Language: follow the system, or one of the shipped languages. The choice
// is saved and takes effect at the next start (the window builds its texts once).
#pragma once

#include <QMenu>

namespace drs::ui {

class LanguageMenu : public QMenu {
  Q_OBJECT

 public:
  explicit LanguageMenu(QWidget* parent = nullptr);

 private:
  void choose(const QString& code);
};

}  // namespace drs::ui
