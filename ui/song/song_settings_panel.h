// The "Song" box: style (a text prompt or a reference song), length, the quality/speed
// preset with this machine's time estimate, the seed and the faster-maths choices.
// It holds the settings; GenerationController turns them into a request.
#pragma once

#include <QGroupBox>

#include <optional>

#include "drs/engine.h"
#include "drs/machine_speed.h"
#include "drs/presets.h"
#include "ui/draft_store.h"
#include "ui/run/generation_controller.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace drs::ui {

class PromptEdit;
class StyleSourcePanel;

class SongSettingsPanel : public QGroupBox {
  Q_OBJECT
 public:
  SongSettingsPanel(const GenerationController* controller, QWidget* parent = nullptr);

  [[nodiscard]] SongSettings settings() const;
  [[nodiscard]] double seconds() const;
  [[nodiscard]] const Preset& preset() const;
  [[nodiscard]] QString presetName() const;
  [[nodiscard]] StyleSourcePanel* styleSource() const { return style_source_; }

  // Length range and note from the loaded model; the preset's time estimate.
  void showModel();
  void updatePresetLabel();
  // Locks what shapes the request while a run is going.
  void setBusy(bool busy);
  // Shows the faster-maths choices where the start-up probe measured a gain.
  void offerFasterMaths(const MatmulSpeed& speed);
  void useSeed(std::uint64_t seed);
  void showSeedUsed(std::uint64_t seed);
  void setStyle(const QString& style);

  void restore(const Draft& draft);
  void fillDraft(Draft& draft) const;

 Q_SIGNALS:
  void edited();           // any setting changed (autosave)
  void lengthChanged();    // the lyrics need a new check
  void precisionChosen();  // the engine must be loaded again

 private:
  void buildPrecisionChoices(QFormLayout* form);
  [[nodiscard]] std::optional<std::uint64_t> fixedSeed() const;

  const GenerationController* controller_;
  PromptEdit* style_;
  StyleSourcePanel* style_source_;
  QSpinBox* length_;
  QLabel* length_note_;
  QSlider* preset_;
  QLabel* preset_label_;
  QCheckBox* random_seed_;
  QLineEdit* seed_;
  QLabel* seed_used_;
  QCheckBox* bf16_ = nullptr;  // offered only where the CPU has native bfloat16
  QCheckBox* int8_ = nullptr;  // offered only where int8 GEMMs beat float32
};

}  // namespace drs::ui
