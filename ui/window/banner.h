// The coloured notice above the editor: errors, the demo-model notice, warnings
// (a slow CPU) and information (a run's warnings).
#pragma once

#include <QLabel>

namespace drs::ui {

class Banner : public QLabel {
  Q_OBJECT
 public:
  enum class Kind { Error, Demo, Warning, Info };

  explicit Banner(QWidget* parent = nullptr);

  // Shows rich text `html` in the colours of `kind`.
  void showMessage(const QString& html, Kind kind);
  [[nodiscard]] Kind kind() const { return kind_; }

 private:
  Kind kind_ = Kind::Info;
};

}  // namespace drs::ui
