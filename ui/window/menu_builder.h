// The window's menu bar: which menus hold which commands, with their shortcuts. The
// commands themselves are the window's; the builder only calls them.
#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMainWindow;

namespace drs::ui {

struct MenuCommands {
  std::function<void()> open_lyrics, save_lyrics, export_take, quit;
  std::function<void()> insert_timestamp, stamp_line, spread_evenly;
  std::function<void(int)> load_example;  // index into example_songs()
  std::function<void()> generate, cancel, play_pause;
  std::function<void()> show_models, show_about;
  std::function<void(bool)> play_while_decoding;  // the setting changed
};

class MenuBuilder : public QObject {
  Q_OBJECT
 public:
  struct Built {
    QAction* export_take = nullptr;          // enabled while a take is selected
    QAction* play_while_decoding = nullptr;  // checked: play new takes while they decode
  };

  // Fills `window`'s menu bar.
  static Built build(QMainWindow* window, const MenuCommands& commands);
};

}  // namespace drs::ui
