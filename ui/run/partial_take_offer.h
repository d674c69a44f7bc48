// Cancel while the takes are decoding: the audio decoded so far is thrown away unless
// the user asks to keep it as a partial take. The engine is told to stop first, so
// asking never delays the cancel.
#pragma once

#include <QObject>

#include <vector>

#include "drs/engine.h"

class QWidget;

namespace drs::ui {

class GenerationController;

class PartialTakeOffer : public QObject {
  Q_OBJECT
 public:
  PartialTakeOffer(GenerationController* controller, QWidget* dialogParent);

  // Cancels the controller's run; asks Keep / Discard (Discard by default) when it was
  // decoding and some audio exists.
  void cancelRun();

 Q_SIGNALS:
  // The user chose to keep the decoded part: one partial take per take that has audio.
  void keepRequested(const std::vector<drs::Take>& takes);

 private:
  [[nodiscard]] bool ask(double seconds) const;

  GenerationController* controller_;
  QWidget* parent_;
};

}  // namespace drs::ui
