// Which language the window speaks: the user's choice (saved in QSettings, applied at
// the next start) or, by default, the first of the system's preferred languages that
// the app has a translation for.
#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

#include <vector>

namespace drs::ui {

// A language the app ships, by code ("en", "de", "zh_CN") and by its own name.
struct UiLanguage {
  QString code;
  QString native_name;
};

// The shipped languages in menu order; English (the source language) first.
[[nodiscard]] const std::vector<UiLanguage>& uiLanguages();

// The saved choice: a code of uiLanguages(), or empty for "follow the system".
[[nodiscard]] QString savedUiLanguage();
void saveUiLanguage(const QString& code);

// The language to use for `choice` (empty = follow `system`): Chinese only for
// Simplified Chinese (zh_CN, zh_SG, zh_Hans), English when nothing else matches.
[[nodiscard]] QString resolveUiLanguage(const QString& choice,
                                        const QLocale& system = QLocale::system());

// Installs the app's and Qt's own translations of `code` for as long as it lives
// (nothing for English, or where a file is missing). The app's .qm files are compiled
// into the executable's :/i18n; tests point at the build tree's instead.
class UiTranslators {
 public:
  explicit UiTranslators(const QString& code, const QString& app_dir = QStringLiteral(":/i18n"));
  ~UiTranslators();
  UiTranslators(const UiTranslators&) = delete;
  UiTranslators& operator=(const UiTranslators&) = delete;

  [[nodiscard]] bool appTranslationLoaded() const { return app_loaded_; }
  [[nodiscard]] bool qtTranslationLoaded() const { return qt_loaded_; }

 private:
  QTranslator app_;
  QTranslator qt_;
  bool app_loaded_ = false;
  bool qt_loaded_ = false;
};

}  // namespace drs::ui
