#include "ui/song/song_settings_panel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

#include "ui/cpu_speed_notice.h"
#include "ui/preset_description.h"
#include "ui/prompt_edit.h"
#include "ui/run/generation_controller.h"
#include "ui/run/run_text.h"
#include "ui/speed_history.h"
#include "ui/style_source_panel.h"

namespace drs::ui {
namespace {

QString preset_name(std::string_view id) {
  if (id == "best") return SongSettingsPanel::tr("Best");
  if (id == "balanced") return SongSettingsPanel::tr("Balanced");
  if (id == "fast") return SongSettingsPanel::tr("Fast");
  if (id == "draft") return SongSettingsPanel::tr("Draft");
  return QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
}

QString preset_id(const Preset& preset) {
  return QString::fromUtf8(preset.id.data(), static_cast<qsizetype>(preset.id.size()));
}

}  // namespace

SongSettingsPanel::SongSettingsPanel(const GenerationController* controller, QWidget* parent)
    : QGroupBox(tr("Song"), parent),
      controller_(controller),
      style_(new PromptEdit(this)),
      style_source_(new StyleSourcePanel(this)),
      length_(new QSpinBox(this)),
      length_note_(new QLabel(this)),
      preset_(new QSlider(Qt::Horizontal, this)),
      preset_label_(new QLabel(this)),
      random_seed_(new QCheckBox(tr("Random"), this)),
      seed_(new QLineEdit(this)),
      seed_used_(new QLabel(this)) {
  style_->setObjectName(QStringLiteral("styleEdit"));
  length_->setObjectName(QStringLiteral("lengthSpin"));
  length_->setSuffix(tr(" s"));
  length_->setRange(95, 95);
  length_note_->setWordWrap(true);
  length_note_->setObjectName(QStringLiteral("lengthNote"));
  preset_->setObjectName(QStringLiteral("presetSlider"));
  preset_->setRange(0, static_cast<int>(presets().size()) - 1);
  preset_->setPageStep(1);
  preset_->setTickPosition(QSlider::TicksBelow);
  preset_->setToolTip(tr("Left: best quality. Right: fastest."));
  preset_label_->setObjectName(QStringLiteral("presetLabel"));
  preset_label_->setWordWrap(true);
  random_seed_->setObjectName(QStringLiteral("randomSeedCheck"));
  random_seed_->setChecked(true);
  seed_->setObjectName(QStringLiteral("seedEdit"));
  seed_->setValidator(
      new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), seed_));
  seed_->setEnabled(false);
  seed_used_->setObjectName(QStringLiteral("seedUsedLabel"));
  seed_used_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(random_seed_, &QCheckBox::toggled, seed_,
          [this](bool random) { seed_->setEnabled(!random); });
  connect(preset_, &QSlider::valueChanged, this, &SongSettingsPanel::updatePresetLabel);
  connect(length_, &QSpinBox::valueChanged, this, [this] {
    updatePresetLabel();
    Q_EMIT lengthChanged();
  });
  connect(style_source_, &StyleSourcePanel::sourceChanged, this, [this](bool reference) {
    style_->setEnabled(!reference && controller_->state() == GenerationController::State::Idle);
  });
  connect(random_seed_, &QCheckBox::toggled, this, &SongSettingsPanel::edited);
  connect(style_, &QLineEdit::textChanged, this, &SongSettingsPanel::edited);
  connect(preset_, &QSlider::valueChanged, this, &SongSettingsPanel::edited);
  connect(length_, &QSpinBox::valueChanged, this, &SongSettingsPanel::edited);
  connect(seed_, &QLineEdit::textChanged, this, &SongSettingsPanel::edited);

  auto* seed_row = new QHBoxLayout;
  seed_row->addWidget(random_seed_);
  seed_row->addWidget(seed_, 1);
  auto* speed_row = new QHBoxLayout;
  speed_row->addWidget(new QLabel(tr("Quality"), this));
  speed_row->addWidget(preset_, 1);
  speed_row->addWidget(new QLabel(tr("Speed"), this));
  auto* form = new QFormLayout(this);
  form->addRow(tr("Style:"), style_);
  form->addRow(tr("Style from:"), style_source_);
  form->addRow(tr("Length:"), length_);
  form->addRow(QString(), length_note_);
  form->addRow(tr("Preset:"), speed_row);
  form->addRow(QString(), preset_label_);
  form->addRow(tr("Seed:"), seed_row);
  form->addRow(QString(), seed_used_);
  buildPrecisionChoices(form);
}

void SongSettingsPanel::buildPrecisionChoices(QFormLayout* form) {
  bf16_ = new QCheckBox(tr("Faster bfloat16 maths (this CPU supports it)"), this);
  bf16_->setObjectName(QStringLiteral("bf16Check"));
  int8_ = new QCheckBox(tr("Faster int8 maths (this CPU supports it)"), this);
  int8_->setObjectName(QStringLiteral("int8Check"));
  const Precision saved = GenerationController::savedPrecision();
  int8_->setChecked(saved == Precision::Int8);
  bf16_->setChecked(saved == Precision::BFloat16);
  bf16_->hide();  // shown once the start-up probe finds native bfloat16
  int8_->hide();  // shown once the start-up probe finds int8 faster than float32
  // One of the two at most; the last one ticked wins.
  const auto choose = [this](QCheckBox* box, QCheckBox* other, Precision precision) {
    connect(box, &QCheckBox::toggled, this, [this, other, precision](bool on) {
      if (on && other->isChecked()) {
        const QSignalBlocker quiet(other);
        other->setChecked(false);
      }
      GenerationController::savePrecision(on ? precision : Precision::Auto);
      Q_EMIT precisionChosen();  // idle only; a running take keeps its engine
    });
  };
  choose(bf16_, int8_, Precision::BFloat16);
  choose(int8_, bf16_, Precision::Int8);
  form->addRow(QString(), bf16_);
  form->addRow(QString(), int8_);
}

void SongSettingsPanel::offerFasterMaths(const MatmulSpeed& speed) {
  // bfloat16 and int8 are inexact, so they are offered (where the probe measures a
  // gain, or while ticked), labelled, and never chosen for the user.
  const auto offer = [](QCheckBox* box, double speedup, double threshold, const QString& tip) {
    box->setVisible(speedup >= threshold || box->isChecked());
    box->setToolTip(tip.arg(speedup, 0, 'f', 1));
  };
  offer(bf16_, speed.bf16_speedup, kBfloat16HintSpeedup,
        tr("bfloat16 matrix maths runs %1× as fast as float32 on this CPU: songs take about "
           "half the time. The result differs slightly from the official float32 computation "
           "(final latent within about 3 %)."));
  offer(int8_, speed.int8_speedup, kInt8HintSpeedup,
        tr("int8 matrix maths runs %1× as fast as float32 on this CPU (the transformer's "
           "matrices are quantised to 8 bits; where the CPU has native bfloat16, attention and "
           "the decoder run in it). The result differs slightly from the official float32 "
           "computation (final latent within about 1.5 %)."));
  updatePresetLabel();
}

SongSettings SongSettingsPanel::settings() const {
  return SongSettings{.style = style_->text().toStdString(),
                      .style_audio = style_source_->referenceStyle(),
                      .wants_reference = style_source_->usesReference(),
                      .seconds = seconds(),
                      .sampling = preset().sampling,
                      .seed = fixedSeed()};
}

double SongSettingsPanel::seconds() const {
  return length_->value();
}

const Preset& SongSettingsPanel::preset() const {
  const auto all = presets();
  return all[static_cast<std::size_t>(
      std::clamp(preset_->value(), 0, static_cast<int>(all.size()) - 1))];
}

QString SongSettingsPanel::presetName() const {
  return preset_name(preset().id);
}

std::optional<std::uint64_t> SongSettingsPanel::fixedSeed() const {
  if (random_seed_->isChecked() || seed_->text().isEmpty()) return std::nullopt;
  bool ok = false;
  const auto value = seed_->text().toULongLong(&ok);
  return ok ? std::optional<std::uint64_t>(value) : std::nullopt;
}

void SongSettingsPanel::showModel() {
  const ModelInfo& info = controller_->info();
  const bool choosable = controller_->lengthChoosable();
  const int old = length_->value();
  length_->setRange(static_cast<int>(info.min_seconds), static_cast<int>(info.max_seconds));
  length_->setValue(old);
  length_->setEnabled(choosable && controller_->state() == GenerationController::State::Idle);
  length_note_->setText(
      choosable ? tr("%1–%2 s with the full model.").arg(length_->minimum()).arg(length_->maximum())
                : tr("Fixed at 95 s: the base model has one length. Install the full "
                     "model (Models…) for 96–285 s."));
  updatePresetLabel();
}

void SongSettingsPanel::updatePresetLabel() {
  const Preset& current = preset();
  const SpeedHistory history(controller_->info(), controller_->songFrames(seconds()));
  const double estimate = history.estimate_seconds(current.sampling);
  preset_label_->setText(tr("%1 — %2 steps, CFG %3 — about %4 on this machine (%5)")
                             .arg(preset_name(current.id))
                             .arg(current.sampling.steps())
                             .arg(current.sampling.cfg_strength, 0, 'f', 1)
                             .arg(duration_text(estimate),
                                  history.measured()     ? tr("from earlier runs")
                                  : history.calibrated() ? tr("from this CPU's measured speed")
                                                         : tr("rough default, not yet measured")));
  preset_label_->setToolTip(presetDescription(current));
}

void SongSettingsPanel::setBusy(bool busy) {
  style_->setEnabled(!busy && !style_source_->usesReference());
  style_source_->setEnabled(!busy);
  preset_->setEnabled(!busy);
  length_->setEnabled(!busy && controller_->lengthChoosable());
  random_seed_->setEnabled(!busy);
  seed_->setEnabled(!busy && !random_seed_->isChecked());
}

void SongSettingsPanel::useSeed(std::uint64_t seed) {
  random_seed_->setChecked(false);
  seed_->setText(QString::number(seed));
}

void SongSettingsPanel::showSeedUsed(std::uint64_t seed) {
  seed_used_->setText(tr("Seed used: %1").arg(seed));
}

void SongSettingsPanel::setStyle(const QString& style) {
  style_->setText(style);
}

void SongSettingsPanel::restore(const Draft& draft) {
  style_->setText(draft.style);
  const auto all = presets();
  for (int i = 0; i < static_cast<int>(all.size()); ++i)
    if (draft.preset == preset_id(all[static_cast<std::size_t>(i)])) preset_->setValue(i);
  // The range is set from the model later; widen it so the saved value survives.
  length_->setRange(95, 285);
  length_->setValue(static_cast<int>(draft.seconds));
  random_seed_->setChecked(draft.random_seed);
  seed_->setText(draft.seed ? QString::number(draft.seed) : QString());
}

void SongSettingsPanel::fillDraft(Draft& draft) const {
  draft.style = style_->text();
  draft.preset = preset_id(preset());
  draft.seconds = seconds();
  draft.random_seed = random_seed_->isChecked();
  draft.seed = seed_->text().toULongLong();
}

}  // namespace drs::ui
