#include "ui/error_advice.h"

#include <QCoreApplication>

namespace drs::ui {
namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("drs::ui::ErrorAdvice", text);
}

}  // namespace

QString error_title(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput: return tr("The request cannot be generated");
    case ErrorKind::ModelMissing: return tr("Model files are missing");
    case ErrorKind::ModelCorrupt: return tr("Model files are damaged");
    case ErrorKind::Output: return tr("The result could not be written");
    case ErrorKind::OutOfMemory: return tr("Not enough memory");
    case ErrorKind::Cancelled: return tr("Cancelled");
    case ErrorKind::Internal: return tr("Internal error");
  }
  return tr("Error");
}

QString error_advice(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput:
      return tr(
          "Check the lyrics (problems are marked in the editor), the style prompt and "
          "the song length, then try again.");
    case ErrorKind::ModelMissing:
      return tr(
          "Install the DiffRhythm model files with Models… or point DRS_MODEL_DIR at a "
          "model folder.");
    case ErrorKind::ModelCorrupt:
      return tr(
          "Download the model again with Models…; a file is incomplete or of the wrong "
          "version.");
    case ErrorKind::Output: return tr("Choose another folder or free some disk space.");
    case ErrorKind::OutOfMemory:
      return tr("Close other programs, choose a shorter song or a faster preset, then retry.");
    case ErrorKind::Cancelled: return tr("Nothing was changed.");
    case ErrorKind::Internal:
      return tr(
          "This is a bug. Your lyrics and settings are kept; please report the message "
          "above.");
  }
  return {};
}

}  // namespace drs::ui
