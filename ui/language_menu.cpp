#include "ui/language_menu.h"

#include <QActionGroup>
#include <QMessageBox>

#include "ui/ui_language.h"

namespace drs::ui {
namespace {

QString nativeName(const QString& code) {
  for (const UiLanguage& language : uiLanguages())
    if (language.code == code) return language.native_name;
  return code;
}

}  // namespace

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(tr("&Language"), parent) {
  setObjectName(QStringLiteral("languageMenu"));
  auto* group = new QActionGroup(this);
  const QString saved = savedUiLanguage();
  const auto add = [this, group, &saved](const QString& text, const QString& code) {
    QAction* action = addAction(text, this, [this, code] { choose(code); });
    action->setCheckable(true);
    action->setChecked(code == saved);
    action->setData(code);
    group->addAction(action);
  };
  add(tr("System (%1)").arg(nativeName(resolveUiLanguage({}))), QString());
  // Each language in its own name, so that it can be found without reading this one.
  for (const UiLanguage& language : uiLanguages()) add(language.native_name, language.code);
  addSeparator();
  addAction(tr("Applies from the next start"))->setEnabled(false);
}

void LanguageMenu::choose(const QString& code) {
  if (code == savedUiLanguage()) return;
  saveUiLanguage(code);
  QMessageBox::information(parentWidget(), tr("Language"),
                           tr("DiffRhythm Studio will appear in %1 from the next start.")
                               .arg(nativeName(resolveUiLanguage(code))));
}

}  // namespace drs::ui
