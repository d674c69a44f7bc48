#pragma once

#include <QMainWindow>

namespace drs::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace drs::ui
