#include "ui/window/menu_builder.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>

#include "ui/example_songs.h"
#include "ui/language_menu.h"

namespace drs::ui {
namespace {

// Play a new take while it is still decoding (on by default: a CPU decode takes minutes).
const QString kPlayWhileDecodingKey = QStringLiteral("playback/playWhileDecoding");

}  // namespace

MenuBuilder::Built MenuBuilder::build(QMainWindow* window, const MenuCommands& commands) {
  Built built;
  QMenuBar* bar = window->menuBar();
  auto* file = bar->addMenu(tr("&File"));
  file->addAction(tr("&Open lyrics…"), QKeySequence::Open, window, commands.open_lyrics);
  file->addAction(tr("&Save lyrics…"), QKeySequence::Save, window, commands.save_lyrics);
  built.export_take = file->addAction(tr("&Export take…"), QKeySequence(tr("Ctrl+E")), window,
                                      commands.export_take);
  built.export_take->setEnabled(false);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, window, commands.quit);

  auto* lyrics = bar->addMenu(tr("&Lyrics"));
  lyrics->addAction(tr("Insert &timestamp"), QKeySequence(tr("Ctrl+T")), window,
                    commands.insert_timestamp);
  lyrics->addAction(tr("&Stamp line at playback position (tap to time)"), QKeySequence(Qt::Key_F8),
                    window, commands.stamp_line);
  lyrics->addAction(tr("Spread untimed lines &evenly"), window, commands.spread_evenly);
  auto* examples = lyrics->addMenu(tr("E&xamples"));
  const auto songs = example_songs();
  for (int i = 0; i < static_cast<int>(songs.size()); ++i)
    examples->addAction(songs[static_cast<std::size_t>(i)].title, window,
                        [load = commands.load_example, i] { load(i); });

  auto* song = bar->addMenu(tr("&Song"));
  auto* run = song->addAction(tr("&Generate"), window, commands.generate);
  run->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
  song->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), window, commands.cancel);
  song->addAction(tr("&Play / pause"), QKeySequence(Qt::Key_Space), window, commands.play_pause);

  auto* models = bar->addMenu(tr("&Models"));
  models->addAction(tr("&Models…"), window, commands.show_models);

  auto* settings = bar->addMenu(tr("Se&ttings"));
  settings->addMenu(new LanguageMenu(window));
  built.play_while_decoding = settings->addAction(tr("&Play while decoding"));
  built.play_while_decoding->setObjectName(QStringLiteral("playWhileDecodingAction"));
  built.play_while_decoding->setToolTip(
      tr("Start playing a new take as soon as its first seconds are decoded"));
  built.play_while_decoding->setCheckable(true);
  built.play_while_decoding->setChecked(QSettings().value(kPlayWhileDecodingKey, true).toBool());
  QObject::connect(built.play_while_decoding, &QAction::toggled, window,
                   [changed = commands.play_while_decoding](bool on) {
                     QSettings().setValue(kPlayWhileDecodingKey, on);
                     changed(on);
                   });
  auto* help = bar->addMenu(tr("&Help"));
  help->addAction(tr("&About DiffRhythm Studio"), window, commands.show_about);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  return built;
}

}  // namespace drs::ui
