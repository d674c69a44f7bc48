#include "ui/player_panel.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

#include "frontend/time_format.h"
#include "ui/waveform_view.h"

namespace drs::ui {

QString format_clock(double seconds) {
  return QString::fromStdString(frontend::format_clock(seconds));
}

PlayerPanel::PlayerPanel(QWidget* parent)
    : QWidget(parent),
      player_(new QMediaPlayer(this)),
      output_(new QAudioOutput(this)),
      play_(new QPushButton(this)),
      seek_(new QSlider(Qt::Horizontal, this)),
      time_(new QLabel(this)),
      waveform_(new WaveformView(this)) {
  player_->setAudioOutput(output_);
  play_->setObjectName(QStringLiteral("playButton"));
  play_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
  play_->setToolTip(tr("Play / pause (Space)"));
  play_->setEnabled(false);
  seek_->setObjectName(QStringLiteral("seekSlider"));
  seek_->setEnabled(false);
  time_->setText(QStringLiteral("0:00 / 0:00"));

  auto* controls = new QHBoxLayout;
  controls->addWidget(play_);
  controls->addWidget(seek_, 1);
  controls->addWidget(time_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(waveform_);
  layout->addLayout(controls);

  connect(play_, &QPushButton::clicked, this, &PlayerPanel::togglePlay);
  connect(player_, &QMediaPlayer::positionChanged, this, &PlayerPanel::updatePosition);
  connect(player_, &QMediaPlayer::durationChanged, this, &PlayerPanel::updateDuration);
  connect(player_, &QMediaPlayer::playbackStateChanged, this, [this](auto state) {
    play_->setIcon(style()->standardIcon(
        state == QMediaPlayer::PlayingState ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  });
  connect(player_, &QMediaPlayer::errorOccurred, this,
          [this](auto, const QString& text) { Q_EMIT playbackError(text); });
  connect(seek_, &QSlider::sliderPressed, this, [this] { dragging_ = true; });
  connect(seek_, &QSlider::sliderReleased, this, [this] {
    dragging_ = false;
    player_->setPosition(seek_->value());
  });
  connect(waveform_, &WaveformView::seekRequested, this, [this](double fraction) {
    player_->setPosition(static_cast<qint64>(fraction * static_cast<double>(player_->duration())));
  });
}

void PlayerPanel::load(const QString& path, std::span<const float> interleaved, int channels) {
  player_->stop();
  player_->setSource(QUrl::fromLocalFile(path));
  waveform_->setAudio(interleaved, channels);
  play_->setEnabled(true);
  seek_->setEnabled(true);
}

void PlayerPanel::unload() {
  player_->stop();
  player_->setSource({});
  waveform_->clear();
  play_->setEnabled(false);
  seek_->setEnabled(false);
}

bool PlayerPanel::hasMedia() const {
  return !player_->source().isEmpty();
}

bool PlayerPanel::isPlaying() const {
  return player_->playbackState() == QMediaPlayer::PlayingState;
}

double PlayerPanel::positionSeconds() const {
  return static_cast<double>(player_->position()) / 1000.0;
}

void PlayerPanel::togglePlay() {
  if (!hasMedia()) return;
  if (isPlaying())
    player_->pause();
  else
    player_->play();
}

void PlayerPanel::seekSeconds(double seconds) {
  player_->setPosition(static_cast<qint64>(seconds * 1000.0));
}

void PlayerPanel::playFrom(double seconds) {
  const auto ms = static_cast<qint64>(seconds * 1000.0);
  const auto ready = [](QMediaPlayer::MediaStatus status) {
    return status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia;
  };
  if (ready(player_->mediaStatus())) {
    player_->setPosition(ms);
    player_->play();
    return;
  }
  auto connection = std::make_shared<QMetaObject::Connection>();
  *connection = connect(player_, &QMediaPlayer::mediaStatusChanged, this,
                        [this, connection, ms, ready](QMediaPlayer::MediaStatus status) {
                          if (status == QMediaPlayer::InvalidMedia) disconnect(*connection);
                          if (!ready(status)) return;
                          disconnect(*connection);
                          player_->setPosition(ms);
                          player_->play();
                        });
}

void PlayerPanel::showStreaming(double position, double decoded, double total) {
  waveform_->setPlayhead(total > 0 ? position / total : 0.0);
  time_->setText(tr("%1 / %2 (decoded %3)")
                     .arg(format_clock(position), format_clock(total), format_clock(decoded)));
}

void PlayerPanel::updatePosition(qint64 ms) {
  if (!dragging_) seek_->setValue(static_cast<int>(ms));
  const double duration = static_cast<double>(player_->duration());
  waveform_->setPlayhead(duration > 0 ? static_cast<double>(ms) / duration : 0.0);
  time_->setText(QStringLiteral("%1 / %2").arg(format_clock(static_cast<double>(ms) / 1000.0),
                                               format_clock(duration / 1000.0)));
  Q_EMIT positionChanged(static_cast<double>(ms) / 1000.0);
}

void PlayerPanel::updateDuration(qint64 ms) {
  seek_->setRange(0, static_cast<int>(ms));
  updatePosition(player_->position());
}

}  // namespace drs::ui
