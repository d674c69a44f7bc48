#include "ui/run/listen_in_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>

#include <algorithm>

#include "frontend/lrc_tools.h"
#include "ui/run/generation_controller.h"
#include "ui/streaming_playback.h"

namespace drs::ui {

namespace {
constexpr double kWindowSeconds = 10.0;
constexpr double kIntoTheLine = 4.0;

QString clock(double seconds) {
  const int whole = static_cast<int>(std::max(seconds, 0.0));
  return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}
}  // namespace

ListenInPanel::ListenInPanel(QWidget* parent)
    : QWidget(parent),
      button_(new QPushButton(tr("Listen in"), this)),
      status_(new QLabel(this)),
      playback_(std::make_unique<StreamingPlayback>()) {
  button_->setObjectName(QStringLiteral("listenInButton"));
  status_->setObjectName(QStringLiteral("listenInStatus"));
  button_->setToolTip(
      tr("Hear the model's current guess of about 10 seconds of the song around the lyric "
         "line under the cursor. It is a preview, not the finished song: it sharpens as "
         "sampling goes on. Decoding it delays the run by as long as the decode takes."));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(button_);
  layout->addWidget(status_, 1);
  connect(button_, &QPushButton::clicked, this, [this] {
    if (playing()) {
      playback_->stop();
      refresh();
    } else {
      ask();
    }
  });
  connect(playback_.get(), &StreamingPlayback::failed, this,
          [this](const QString& reason) { status_->setText(reason); });
  connect(playback_.get(), &StreamingPlayback::positionChanged, this, [this] {
    if (playing() && playback_->positionSeconds() >= playback_->totalSeconds()) {
      playback_->stop();
      refresh();
    }
  });
  refresh();
}

ListenInPanel::~ListenInPanel() = default;

void ListenInPanel::follow(GenerationController* controller) {
  connect(controller, &GenerationController::progressed, this, [this](const Progress& progress) {
    setSampling(progress.stage == Stage::Sampling, progress.step);
  });
  connect(controller, &GenerationController::previewArrived, this, &ListenInPanel::showPreview);
  connect(controller, &GenerationController::runEnded, this, &ListenInPanel::reset);
  connect(this, &ListenInPanel::previewRequested, controller,
          &GenerationController::requestPreview);
}

void ListenInPanel::setCentreProvider(std::function<double()> centre) {
  centre_ = std::move(centre);
}

void ListenInPanel::centreOnLyricLine(const QPlainTextEdit* editor) {
  setCentreProvider([editor] {
    const auto line = editor->textCursor().block().text().toStdString();
    return frontend::line_timestamp(line).value_or(0.0) + kIntoTheLine;
  });
}

void ListenInPanel::setSampling(bool sampling, int stepsDone) {
  sampling_ = sampling && stepsDone >= 0;
  refresh();
}

void ListenInPanel::reset() {
  waiting_ = false;
  sampling_ = false;
  playback_->stop();
  refresh();
}

bool ListenInPanel::playing() const {
  return playback_->active();
}

QString ListenInPanel::statusText() const {
  return status_->text();
}

void ListenInPanel::ask() {
  PreviewWindow window;
  window.centre_seconds = centre_ ? centre_() : kWindowSeconds / 2;
  window.window_seconds = kWindowSeconds;
  waiting_ = true;
  refresh();
  Q_EMIT previewRequested(window);
}

void ListenInPanel::showPreview(const PreviewAudio& preview) {
  waiting_ = false;
  last_cost_ = preview.decode_seconds;
  AudioChunk chunk;
  chunk.channels = preview.channels;
  chunk.sample_rate = preview.sample_rate;
  chunk.samples = preview.samples;
  chunk.total_frames = preview.frames();
  chunk.peak = 1.0f;  // already peak-normalised over the window
  playback_->stop();
  const bool started = playback_->append(chunk);
  refresh();
  if (started)
    status_->setText(
        tr("Preview after step %1 of %2, %3–%4 (not the finished song; it cost the run %5 s)")
            .arg(preview.step)
            .arg(preview.steps)
            .arg(clock(preview.start_seconds))
            .arg(clock(preview.start_seconds +
                       static_cast<double>(preview.frames()) / preview.sample_rate))
            .arg(preview.decode_seconds, 0, 'f', 1));
}

void ListenInPanel::refresh() {
  button_->setEnabled(playing() || (sampling_ && !waiting_));
  button_->setText(playing() ? tr("Stop preview") : tr("Listen in"));
  if (waiting_)
    status_->setText(tr("The preview is decoded when the current step finishes…"));
  else if (!playing() && !sampling_)
    status_->clear();
  else if (!playing() && last_cost_ >= 0)
    status_->setText(tr("A preview costs the run about %1 s.").arg(last_cost_, 0, 'f', 1));
}

}  // namespace drs::ui
