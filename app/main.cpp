#include <QApplication>
#include <QTimer>

#include "drs/process_tuning.h"
#include "ui/cjk_font.h"
#include "ui/main_window.h"
#include "ui/models/model_manager.h"
#include "ui/multimedia_setup.h"
#include "ui/ui_language.h"

int main(int argc, char* argv[]) {
  drs::tune_process(argv);  // before any thread starts
  drs::ui::keep_gstreamer_from_forking();
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("DiffRhythmStudio"));
  QApplication::setApplicationName(QStringLiteral("DiffRhythm Studio"));
  QApplication::setApplicationVersion(QStringLiteral(DRS_VERSION));  // the project version
  QApplication::setDesktopFileName(QStringLiteral("io.github.diffrhythm_studio.DiffRhythmStudio"));

  // Settings > Language, else the system's preferred languages (ours, then Qt's own).
  const drs::ui::UiTranslators translators(drs::ui::resolveUiLanguage(drs::ui::savedUiLanguage()));
  QApplication::setFont(drs::ui::withChineseGlyphs(QApplication::font()));

  drs::ui::MainWindow window;
  window.show();
  // First run without real weights: offer (never force) a download or import once the
  // window is up; reload the engine if a set was installed.
  QTimer::singleShot(0, &window, [&window] {
    if (drs::ui::offerModelsIfNeeded(&window)) window.reloadEngine();
  });
  return QApplication::exec();
}
