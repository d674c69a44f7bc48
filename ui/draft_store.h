// Autosave: the lyrics go to a draft file under AppDataLocation (a long text does
// not belong in QSettings), the prompt and settings to QSettings. Saved on every
// change after a short debounce, restored at start.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace drs::ui {

struct Draft {
  QString lyrics;
  QString style;
  QString preset = QStringLiteral("balanced");
  double seconds = 95;
  bool random_seed = true;
  quint64 seed = 0;
};

class DraftStore : public QObject {
  Q_OBJECT
 public:
  explicit DraftStore(QObject* parent = nullptr);
  ~DraftStore() override;
  DraftStore(const DraftStore&) = delete;
  DraftStore& operator=(const DraftStore&) = delete;

  [[nodiscard]] static QString draftPath();
  // The saved draft, or none on first start.
  [[nodiscard]] static std::optional<Draft> load();

  // Remembers `draft` and saves it after the debounce (or at once with flush()).
  void schedule(const Draft& draft);
  void flush();

 Q_SIGNALS:
  void saved();

 private:
  static bool save(const Draft& draft);

  QTimer debounce_;
  Draft pending_;
  bool dirty_ = false;
};

}  // namespace drs::ui
