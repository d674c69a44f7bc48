#include "ui/main_window.h"

#include <QLabel>

namespace drs::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("DiffRhythm Studio"));
  setCentralWidget(new QLabel(tr("DiffRhythm Studio"), this));
}

}  // namespace drs::ui
