// "Replay": generates a library take again from its replay manifest (drs/take_manifest.h)
// on the window's GenerationController and says whether the audio came out identical
// (the replayed take written the way the library wrote the original, SHA-256 compared).
#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <optional>

#include "drs/take_manifest.h"

namespace drs::ui {

class GenerationController;

class TakeReplay : public QObject {
  Q_OBJECT
 public:
  explicit TakeReplay(QObject* parent = nullptr);

  // Checks that `manifest` can be replayed by `controller`'s engine and starts the
  // run; false + the reason (another model set, precision, version, a busy engine...).
  bool start(GenerationController* controller, const TakeManifest& manifest,
             const QString& take_label, QString* reason);
  [[nodiscard]] bool active() const { return manifest_.has_value(); }
  // The run ended without a result (cancelled).
  void reset() { manifest_.reset(); }
  // The verdict on the replayed run; ends the replay. `identical`: byte for byte.
  QString finish(const GenerationResult& result, bool* identical);

 private:
  std::optional<TakeManifest> manifest_;
  QString label_;
  QStringList warnings_;
  QTemporaryDir scratch_;
};

}  // namespace drs::ui
