#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "ui/main_window.h"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("DiffRhythmStudio"));
  QApplication::setApplicationName(QStringLiteral("DiffRhythm Studio"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
  QApplication::setDesktopFileName(QStringLiteral("io.github.diffrhythm_studio.DiffRhythmStudio"));

  // Our strings (compiled into :/i18n by qt_add_translations), then Qt's own.
  QTranslator ours;
  if (ours.load(QLocale(), QStringLiteral("diffrhythm-studio"), QStringLiteral("_"),
                QStringLiteral(":/i18n")))
    QApplication::installTranslator(&ours);
  QTranslator qt;
  if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qt);

  drs::ui::MainWindow window;
  window.show();
  return QApplication::exec();
}
