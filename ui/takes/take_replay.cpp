#include "ui/takes/take_replay.h"

#include <QCryptographicHash>
#include <QFile>

#include "drs/audio_file.h"
#include "drs/error.h"
#include "ui/run/generation_controller.h"

namespace drs::ui {
namespace {

QString sha256_of(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  hash.addData(&file);
  return QString::fromLatin1(hash.result().toHex());
}

}  // namespace

TakeReplay::TakeReplay(QObject* parent) : QObject(parent) {}

bool TakeReplay::start(GenerationController* controller, const TakeManifest& manifest,
                       const QString& take_label, QString* reason) {
  const auto origin = controller->worker() ? controller->worker()->takeOrigin() : std::nullopt;
  if (!origin || controller->state() != GenerationController::State::Idle) {
    *reason = tr("The engine is busy or cannot replay takes.");
    return false;
  }
  std::vector<std::string> warnings;
  try {
    warnings = check_replay(manifest, *origin);
  } catch (const Error& refused) {
    *reason = QString::fromStdString(refused.what());
    return false;
  }
  if (!controller->start(replay_request(manifest))) {
    *reason = tr("The engine refused the run.");
    return false;
  }
  manifest_ = manifest;
  label_ = take_label;
  warnings_.clear();
  for (const auto& warning : warnings) warnings_ << QString::fromStdString(warning);
  return true;
}

QString TakeReplay::finish(const GenerationResult& result, bool* identical) {
  *identical = false;
  const TakeManifest manifest = *manifest_;
  manifest_.reset();
  if (result.outcome != Outcome::Succeeded || result.takes.empty())
    return tr("Replay of %1 failed: %2").arg(label_, QString::fromStdString(result.error));
  const Take& take = result.takes.front();
  const QString path = scratch_.filePath(QStringLiteral("replay.wav"));
  try {
    write_audio_file(path.toStdString(), take.audio, take.channels, take.sample_rate,
                     manifest.audio.format);
  } catch (const Error& failure) {
    return tr("Replay of %1 failed: %2").arg(label_, QString::fromStdString(failure.what()));
  }
  const QString here = sha256_of(path);
  QFile::remove(path);
  const QString recorded = QString::fromStdString(manifest.audio.sha256);
  *identical = !here.isEmpty() && here == recorded;
  QString text = *identical ? tr("Replay of %1: identical to the stored take (SHA-256 %2…)")
                                  .arg(label_, here.left(12))
                            : tr("Replay of %1: the audio differs from the stored take "
                                 "(SHA-256 %2…, the take's %3…)")
                                  .arg(label_, here.left(12), recorded.left(12));
  if (!warnings_.isEmpty()) text += QStringLiteral(" — ") + warnings_.join(QStringLiteral("; "));
  return text;
}

}  // namespace drs::ui
