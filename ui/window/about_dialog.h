// Help > About: the version, the licence, the maths this machine runs and the
// licences of the bundled data (from the NOTICE resource).
#pragma once

#include <QMessageBox>

namespace drs::ui {

class AboutDialog : public QMessageBox {
  Q_OBJECT
 public:
  explicit AboutDialog(QWidget* parent = nullptr);
};

}  // namespace drs::ui
