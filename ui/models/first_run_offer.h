// First run without a real model: the app works on the demo set (noise, for trying
// the interface) and this offer explains that, with the sizes involved, and lets the
// user download or import a real set — or carry on with the demo.
#pragma once

#include <QDialog>
#include <QWidget>

class QCheckBox;

namespace drs::ui {

class FirstRunOffer : public QWidget {
  Q_OBJECT
 public:
  explicit FirstRunOffer(QWidget* parent = nullptr);

 Q_SIGNALS:
  void downloadRequested(const QString& setId);
  void importRequested();
  void dismissed(bool forever);

 private:
  QCheckBox* dontAsk_;
};

// FirstRunOffer in a dialog; the buttons open the download or import flow of the
// model manager on `storeDir`.
class FirstRunDialog : public QDialog {
  Q_OBJECT
 public:
  explicit FirstRunDialog(QString storeDir, QWidget* parent = nullptr);

 private:
  QString storeDir_;
};

}  // namespace drs::ui
