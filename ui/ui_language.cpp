#include "ui/ui_language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>

namespace drs::ui {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");

bool shipped(const QString& code) {
  for (const UiLanguage& language : uiLanguages())
    if (language.code == code) return true;
  return false;
}

// The shipped language for one BCP 47 name of the system's list, or empty. Chinese
// needs the Simplified script: a Traditional-script user is better served by the
// next language of their list than by simplified characters.
QString match(const QString& bcp47) {
  const QLocale locale(bcp47);
  switch (locale.language()) {
    case QLocale::English: return QStringLiteral("en");
    case QLocale::German: return QStringLiteral("de");
    case QLocale::Chinese:
      return locale.script() == QLocale::SimplifiedHanScript ? QStringLiteral("zh_CN") : QString();
    default: return {};
  }
}

}  // namespace

const std::vector<UiLanguage>& uiLanguages() {
  static const std::vector<UiLanguage> languages{
      {QStringLiteral("en"), QStringLiteral("English")},
      {QStringLiteral("de"), QStringLiteral("Deutsch")},
      {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
  };
  return languages;
}

QString savedUiLanguage() {
  const QString code = QSettings().value(kLanguageKey).toString();
  return shipped(code) ? code : QString();
}

void saveUiLanguage(const QString& code) {
  if (code.isEmpty()) {
    QSettings().remove(kLanguageKey);
  } else {
    QSettings().setValue(kLanguageKey, code);
  }
}

QString resolveUiLanguage(const QString& choice, const QLocale& system) {
  if (shipped(choice)) return choice;
  // The user's ordered preferences (e.g. LANGUAGE=zh_CN:de), first match wins.
  for (const QString& name : system.uiLanguages())
    if (const QString code = match(name); !code.isEmpty()) return code;
  return QStringLiteral("en");
}

UiTranslators::UiTranslators(const QString& code, const QString& app_dir) {
  if (code == QLatin1String("en")) return;  // the source language
  // Qt's own strings (standard dialogs and buttons) come from Debian's
  // qt6-translations-l10n.
  app_loaded_ = app_.load(QStringLiteral("diffrhythm-studio_") + code, app_dir);
  if (app_loaded_) QCoreApplication::installTranslator(&app_);
  qt_loaded_ = qt_.load(QStringLiteral("qtbase_") + code,
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  if (qt_loaded_) QCoreApplication::installTranslator(&qt_);
}

UiTranslators::~UiTranslators() {
  if (qt_loaded_) QCoreApplication::removeTranslator(&qt_);
  if (app_loaded_) QCoreApplication::removeTranslator(&app_);
}

}  // namespace drs::ui
