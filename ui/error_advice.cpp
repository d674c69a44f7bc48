#include "ui/error_advice.h"

#include <QCoreApplication>

namespace drs::ui {
namespace {

QString translated(const char* text) {
  return QCoreApplication::translate("drs::ui::ErrorAdvice", text);
}

}  // namespace

QString error_title(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput:
      return translated(
          QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "The request cannot be generated"));
    case ErrorKind::ModelMissing:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Model files are missing"));
    case ErrorKind::ModelCorrupt:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Model files are damaged"));
    case ErrorKind::Output:
      return translated(
          QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "The result could not be written"));
    case ErrorKind::OutOfMemory:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Not enough memory"));
    case ErrorKind::Cancelled:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Cancelled"));
    case ErrorKind::Internal:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Internal error"));
  }
  return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Error"));
}

QString error_advice(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput:
      return translated(QT_TRANSLATE_NOOP(
          "drs::ui::ErrorAdvice",
          "Check the lyrics (problems are marked in the editor), the style prompt and "
          "the song length, then try again."));
    case ErrorKind::ModelMissing:
      return translated(QT_TRANSLATE_NOOP(
          "drs::ui::ErrorAdvice",
          "Install the DiffRhythm model files with Models… or point DRS_MODEL_DIR at a "
          "model folder."));
    case ErrorKind::ModelCorrupt:
      return translated(QT_TRANSLATE_NOOP(
          "drs::ui::ErrorAdvice",
          "Download the model again with Models…; a file is incomplete or of the wrong "
          "version."));
    case ErrorKind::Output:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice",
                                          "Choose another folder or free some disk space."));
    case ErrorKind::OutOfMemory:
      return translated(QT_TRANSLATE_NOOP(
          "drs::ui::ErrorAdvice",
          "Close other programs, choose a shorter song or a faster preset, then retry."));
    case ErrorKind::Cancelled:
      return translated(QT_TRANSLATE_NOOP("drs::ui::ErrorAdvice", "Nothing was changed."));
    case ErrorKind::Internal:
      return translated(QT_TRANSLATE_NOOP(
          "drs::ui::ErrorAdvice",
          "This is a bug. Your lyrics and settings are kept; please report the message "
          "above."));
  }
  return {};
}

}  // namespace drs::ui
