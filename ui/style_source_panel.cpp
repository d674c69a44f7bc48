#include "ui/style_source_panel.h"

#include <QAudioOutput>
#include <QButtonGroup>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "drs/reference_audio.h"
#include "ui/player_panel.h"
#include "ui/waveform_view.h"

namespace drs::ui {

StyleSourcePanel::StyleSourcePanel(QWidget* parent)
    : QWidget(parent),
      text_(new QRadioButton(tr("&Text prompt"), this)),
      song_(new QRadioButton(tr("&Reference song"), this)),
      choose_(new QPushButton(tr("Choose song…"), this)),
      file_(new QLabel(tr("No song chosen"), this)),
      waveform_(new WaveformView(this)),
      start_(new QDoubleSpinBox(this)),
      play_(new QPushButton(tr("Play clip"), this)),
      player_(new QMediaPlayer(this)),
      output_(new QAudioOutput(this)) {
  setObjectName(QStringLiteral("styleSourcePanel"));
  text_->setObjectName(QStringLiteral("styleFromText"));
  song_->setObjectName(QStringLiteral("styleFromSong"));
  choose_->setObjectName(QStringLiteral("chooseReferenceButton"));
  start_->setObjectName(QStringLiteral("clipStartSpin"));
  play_->setObjectName(QStringLiteral("playClipButton"));
  waveform_->setObjectName(QStringLiteral("referenceWaveform"));
  text_->setChecked(true);
  song_->setToolTip(
      tr("Take the style from 10 s of a song you like (MuQ-MuLan's audio "
         "tower), as the official --ref-audio-path does"));
  waveform_->setToolTip(tr("Click to move the 10 s clip the style is taken from"));
  start_->setSuffix(tr(" s"));
  start_->setDecimals(1);
  start_->setToolTip(tr("Where the 10 s clip starts in the song"));
  player_->setAudioOutput(output_);
  auto* group = new QButtonGroup(this);
  group->addButton(text_);
  group->addButton(song_);

  auto* sources = new QHBoxLayout;
  sources->setContentsMargins(0, 0, 0, 0);
  sources->addWidget(text_);
  sources->addWidget(song_);
  sources->addWidget(choose_);
  sources->addWidget(file_, 1);
  auto* clip = new QHBoxLayout;
  clip->setContentsMargins(0, 0, 0, 0);
  clip->addWidget(new QLabel(tr("Clip starts at"), this));
  clip->addWidget(start_);
  clip->addWidget(play_);
  clip->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(sources);
  layout->addWidget(waveform_);
  layout->addLayout(clip);

  connect(song_, &QRadioButton::toggled, this, [this](bool on) {
    updateEnabled();
    Q_EMIT sourceChanged(on);
  });
  // Picking "Reference song" by hand with no song yet asks for one at once.
  connect(song_, &QRadioButton::clicked, this, [this] {
    if (path_.isEmpty()) chooseReference();
  });
  connect(choose_, &QPushButton::clicked, this, &StyleSourcePanel::chooseReference);
  connect(play_, &QPushButton::clicked, this, &StyleSourcePanel::playClip);
  connect(waveform_, &WaveformView::seekRequested, this, [this](double fraction) {
    setClipStart(fraction * seconds_ - kReferenceClipSeconds / 2);  // centred on the click
  });
  connect(start_, &QDoubleSpinBox::valueChanged, this, [this] {
    showClip();
    Q_EMIT referenceChanged();
  });
  // The clip plays for its 10 s only.
  connect(player_, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
    if (static_cast<double>(ms) / 1000.0 >= clipStart() + kReferenceClipSeconds) player_->pause();
  });
  connect(player_, &QMediaPlayer::mediaStatusChanged, this, [this](auto status) {
    if (status == QMediaPlayer::LoadedMedia && player_->property("pendingPlay").toBool()) {
      player_->setProperty("pendingPlay", false);
      player_->setPosition(static_cast<qint64>(clipStart() * 1000.0));
      player_->play();
    }
  });
  updateEnabled();
}

bool StyleSourcePanel::usesReference() const {
  return song_->isChecked();
}

void StyleSourcePanel::setUsesReference(bool reference) {
  (reference ? song_ : text_)->setChecked(true);
}

std::optional<ReferenceStyle> StyleSourcePanel::referenceStyle() const {
  if (path_.isEmpty() || seconds_ < kReferenceClipSeconds) return std::nullopt;
  return ReferenceStyle{path_.toStdString(), clipStart()};
}

bool StyleSourcePanel::loadReference(const QString& path, QString* error) {
  try {
    const auto audio = read_audio_file(path.toStdString());
    if (audio.seconds() < kReferenceClipSeconds)
      throw std::runtime_error(tr("%1 is %2 s long; a reference song needs at least 10 s")
                                   .arg(QFileInfo(path).fileName())
                                   .arg(audio.seconds(), 0, 'f', 1)
                                   .toStdString());
    path_ = path;
    seconds_ = audio.seconds();
    waveform_->setAudio(audio.samples, audio.channels);
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  player_->stop();
  player_->setSource(QUrl::fromLocalFile(path_));
  file_->setText(tr("%1 (%2)").arg(QFileInfo(path_).fileName(), format_clock(seconds_)));
  file_->setToolTip(path_);
  const QSignalBlocker block(start_);
  start_->setRange(0.0, std::max(0.0, seconds_ - kReferenceClipSeconds));
  start_->setValue(default_reference_start(seconds_));
  showClip();
  updateEnabled();
  Q_EMIT referenceChanged();
  return true;
}

double StyleSourcePanel::clipStart() const {
  return start_->value();
}

void StyleSourcePanel::setClipStart(double seconds) {
  start_->setValue(std::clamp(seconds, 0.0, std::max(0.0, seconds_ - kReferenceClipSeconds)));
}

bool StyleSourcePanel::isPlayingClip() const {
  return player_->playbackState() == QMediaPlayer::PlayingState;
}

void StyleSourcePanel::chooseReference() {
  const auto path = QFileDialog::getOpenFileName(
      this, tr("Choose a reference song"), QFileInfo(path_).path(),
      tr("Audio files (*.wav *.flac *.ogg *.opus *.mp3);;All files (*)"));
  if (path.isEmpty()) {
    if (path_.isEmpty()) text_->setChecked(true);  // nothing to take the style from
    return;
  }
  QString error;
  if (!loadReference(path, &error)) file_->setText(tr("Cannot use this song: %1").arg(error));
}

void StyleSourcePanel::playClip() {
  if (path_.isEmpty()) return;
  if (isPlayingClip()) return player_->pause();
  if (player_->mediaStatus() == QMediaPlayer::LoadedMedia ||
      player_->mediaStatus() == QMediaPlayer::BufferedMedia ||
      player_->mediaStatus() == QMediaPlayer::EndOfMedia) {
    player_->setPosition(static_cast<qint64>(clipStart() * 1000.0));
    player_->play();
  } else {
    player_->setProperty("pendingPlay", true);
  }
}

void StyleSourcePanel::updateEnabled() {
  const bool song = song_->isChecked();
  const bool loaded = !path_.isEmpty();
  choose_->setEnabled(song);
  waveform_->setVisible(song && loaded);
  start_->setEnabled(song && loaded);
  play_->setEnabled(song && loaded);
  file_->setEnabled(song);
}

// The waveform's playhead marks where the clip starts.
void StyleSourcePanel::showClip() {
  waveform_->setPlayhead(seconds_ > 0 ? clipStart() / seconds_ : 0.0);
}

}  // namespace drs::ui
