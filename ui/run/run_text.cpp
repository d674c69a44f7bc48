#include "ui/run/run_text.h"

#include <QCoreApplication>

#include <algorithm>

#include "frontend/time_format.h"

namespace drs::ui {

QString duration_text(double seconds) {
  const auto parts = frontend::split_duration(seconds);
  switch (parts.unit) {
    case frontend::DurationParts::Unit::Seconds:
      return QCoreApplication::translate("drs::ui::RunText", "%1 s").arg(parts.major);
    case frontend::DurationParts::Unit::Minutes:
      return QCoreApplication::translate("drs::ui::RunText", "%1 min %2 s")
          .arg(parts.major)
          .arg(parts.minor);
    case frontend::DurationParts::Unit::Hours: break;
  }
  return QCoreApplication::translate("drs::ui::RunText", "%1 h %2 min")
      .arg(parts.major)
      .arg(parts.minor);
}

QString stage_text(const Progress& progress) {
  const int running = std::min(progress.step + 1, std::max(progress.steps, 1));
  switch (progress.stage) {
    case Stage::LoadingModels:
      // The engine names the file it is reading; worth showing during a long load.
      return progress.message.empty()
                 ? QCoreApplication::translate("drs::ui::RunText", "Loading models…")
                 : QCoreApplication::translate("drs::ui::RunText", "Loading models — %1")
                       .arg(QString::fromStdString(progress.message));
    case Stage::Lyrics: return QCoreApplication::translate("drs::ui::RunText", "Reading lyrics…");
    case Stage::Style:
      return QCoreApplication::translate("drs::ui::RunText", "Encoding the style prompt…");
    case Stage::Encoding:
      return progress.steps > 0
                 ? QCoreApplication::translate("drs::ui::RunText",
                                               "Encoding the song to edit — chunk %1 of %2")
                       .arg(running)
                       .arg(progress.steps)
                 : QCoreApplication::translate("drs::ui::RunText", "Encoding the song to edit…");
    case Stage::Sampling:
      return progress.steps > 0
                 ? QCoreApplication::translate("drs::ui::RunText", "Sampling — step %1 of %2")
                       .arg(running)
                       .arg(progress.steps)
                 : QCoreApplication::translate("drs::ui::RunText", "Sampling…");
    case Stage::Decoding:
      return progress.steps > 0
                 ? QCoreApplication::translate("drs::ui::RunText",
                                               "Decoding audio — chunk %1 of %2")
                       .arg(running)
                       .arg(progress.steps)
                 : QCoreApplication::translate("drs::ui::RunText", "Decoding audio…");
    case Stage::Writing: return QCoreApplication::translate("drs::ui::RunText", "Finishing…");
    case Stage::Done: return QCoreApplication::translate("drs::ui::RunText", "Done");
  }
  return {};
}

}  // namespace drs::ui
