// Renders the main window idle, running and finished to PNG for the README
// (docs/screenshots/). Runs offscreen on the real engine with the demo model set the
// build generated (what users see without weights: noise, and the demo banner says
// so).
// `render_screenshots DIR --lang zh_CN` renders the translated window instead, with
// the example song in that language and the Models dialog.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

#include "ui/cjk_font.h"
#include "ui/engine_backend.h"
#include "ui/example_songs.h"
#include "ui/main_window.h"
#include "ui/models/model_manager_dialog.h"
#include "ui/takes/take_library.h"
#include "ui/ui_language.h"

namespace {

bool save(QWidget& window, const QDir& dir, const char* name) {
  const QString path = dir.filePath(QLatin1String(name));
  const bool ok = window.grab().save(path);
  std::printf("%s %s\n", ok ? "wrote" : "FAILED to write", qPrintable(path));
  return ok;
}

bool wait_for(const std::function<bool()>& condition, int timeout_ms) {
  QElapsedTimer clock;
  clock.start();
  while (!condition() && clock.elapsed() < timeout_ms) QTest::qWait(10);
  return condition();
}

std::unique_ptr<drs::ui::GenerationBackend> make_backend() {
  return drs::ui::make_engine_backend(DRS_DEMO_MODEL_DIR);
}

// The example whose lyrics are in `code`'s script (Chinese: Han characters), else the
// first one.
QString example_title(const QString& code) {
  const auto songs = drs::ui::example_songs();
  static const QRegularExpression han(QStringLiteral("\\p{Han}"));
  for (const auto& song : songs)
    if (code.startsWith(QLatin1String("zh")) && han.match(song.lyrics).hasMatch())
      return song.title;
  return songs.front().title;
}

// The window in `code` with that language's example loaded, and the Models dialog:
// <dir>/main-window-<code>.png, <dir>/model-manager-<code>.png.
bool render_translated(const QDir& dir, const QString& code) {
  const drs::ui::UiTranslators translators(code, QStringLiteral(DRS_QM_DIR));
  if (!translators.appTranslationLoaded()) {
    std::printf("FAILED: no translation %s in %s\n", qPrintable(code), DRS_QM_DIR);
    return false;
  }
  if (code.startsWith(QLatin1String("zh"))) {
    const QStringList fonts = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    if (fonts.isEmpty()) {
      std::printf("FAILED: no font for Simplified Chinese (Debian: fonts-noto-cjk)\n");
      return false;
    }
  }
  QApplication::setFont(drs::ui::withChineseGlyphs(QApplication::font()));  // as the app
  std::printf("UI fonts: %s\n", qPrintable(QApplication::font().families().join(u',')));
  drs::ui::MainWindow window(make_backend(), nullptr);
  window.resize(1200, 780);
  window.show();
  QTest::qWait(200);
  const QString title = example_title(code);
  bool loaded = false;
  for (QAction* action : window.findChildren<QAction*>())
    if (!loaded && action->text() == title) {
      action->trigger();
      loaded = true;
    }
  if (!loaded) std::printf("FAILED: no Examples entry \"%s\"\n", qPrintable(title));
  QTest::qWait(600);  // let the debounced analysis run
  const QString suffix = QLatin1Char('-') + code + QStringLiteral(".png");
  bool ok = save(window, dir, qPrintable(QStringLiteral("main-window") + suffix)) && loaded;
  const QTemporaryDir store;  // empty: the dialog as a new user first sees it
  drs::ui::ModelManagerDialog models(store.path(), &window);
  models.show();
  QTest::qWait(200);
  ok = save(models, dir, qPrintable(QStringLiteral("model-manager") + suffix)) && ok;
  return ok;
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);
  QApplication::setOrganizationName(QStringLiteral("DrsScreenshots"));
  QApplication::setApplicationName(QStringLiteral("render_screenshots"));
  QSettings().clear();
  QDir(drs::ui::TakeLibrary::defaultFolder()).removeRecursively();  // no takes of earlier renders
  const QDir dir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots"));
  QDir().mkpath(dir.path());
  if (argc > 3 && QLatin1String(argv[2]) == QLatin1String("--lang"))
    return render_translated(dir, QString::fromLatin1(argv[3])) ? 0 : 1;

  drs::ui::MainWindow window(make_backend(), nullptr);
  window.resize(1200, 780);
  window.show();
  QTest::qWait(200);
  // First example song from the Lyrics menu, as a new user would.
  for (QAction* menu : window.menuBar()->actions())
    if (menu->menu() && menu->text().contains(QStringLiteral("Lyrics")))
      for (QAction* action : menu->menu()->actions())
        if (action->menu() && !action->menu()->actions().isEmpty())
          action->menu()->actions().front()->trigger();
  QTest::qWait(600);  // let the debounced analysis run
  bool ok = save(window, dir, "main-window-idle.png");

  int step = 0;
  QObject::connect(window.worker(), &drs::ui::EngineWorker::progressed, &window,
                   [&](quint64, const drs::Progress& p) {
                     if (p.stage == drs::Stage::Sampling) step = p.step;
                   });
  // The "fast" preset (16-point grid): a short run, and the bar well under way.
  if (auto* slider = window.findChild<QSlider*>(QStringLiteral("presetSlider")))
    slider->setValue(2);
  window.generate();
  ok = wait_for([&] { return step >= 6; }, 300000) && ok;
  ok = save(window, dir, "main-window-running.png") && ok;
  ok = wait_for([&] { return window.state() == drs::ui::MainWindow::State::Idle; }, 300000) && ok;
  QTest::qWait(200);
  ok = save(window, dir, "main-window-finished.png") && ok;
  return ok ? 0 : 1;
}
