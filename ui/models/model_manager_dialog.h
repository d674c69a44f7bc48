// The Models dialog: where the store is, which sets are installed (with licences and
// problems), download of a catalogue set (licences shown first), import of files the
// user already has, and the hub settings (endpoint, access token for gated repos).
#pragma once

#include <QDialog>
#include <QString>

class QLabel;
class QLineEdit;
class QListWidget;
class QComboBox;

namespace drs::ui {

class ModelManagerDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ModelManagerDialog(QWidget* parent = nullptr);
  ModelManagerDialog(QString storeDir, QWidget* parent);

  // Licence page, then the download with its progress dialog. True when installed.
  bool downloadSet(const QString& setId);
  // Asks for a folder when `folder` is empty; checks before copying. True when installed.
  bool importFromFolder(QString folder = {}, QString setId = {});
  void refresh();
  // Deletes an installed set's folder (after asking when `confirm`). True when removed.
  bool removeSet(const QString& folder, bool confirm = true);
  [[nodiscard]] QString storeDir() const { return storeDir_; }

 Q_SIGNALS:
  // A set was installed or removed, or the store moved: reload the engine.
  void modelsChanged();

 private:
  void build();
  void chooseStore();
  void saveHubSettings();
  [[nodiscard]] QString selectedSetId() const;

  QString storeDir_;
  QLabel* storeLabel_ = nullptr;
  QListWidget* installed_ = nullptr;
  QComboBox* catalog_ = nullptr;
  QLineEdit* endpoint_ = nullptr;
  QLineEdit* token_ = nullptr;
};

}  // namespace drs::ui
