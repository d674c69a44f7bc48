// String names of the engine's enums (English, for logs and the CLI; the UI has its
// own translated labels).
#include "drs/error.h"
#include "drs/progress.h"

namespace drs {

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::BadInput: return "bad input";
    case ErrorKind::ModelMissing: return "model missing";
    case ErrorKind::ModelCorrupt: return "model corrupt";
    case ErrorKind::Output: return "output error";
    case ErrorKind::OutOfMemory: return "out of memory";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Internal: return "internal error";
  }
  return "unknown";
}

const char* to_string(Stage stage) noexcept {
  switch (stage) {
    case Stage::LoadingModels: return "loading models";
    case Stage::Lyrics: return "lyrics";
    case Stage::Style: return "style";
    case Stage::Encoding: return "encoding";
    case Stage::Sampling: return "sampling";
    case Stage::Decoding: return "decoding";
    case Stage::Writing: return "writing";
    case Stage::Done: return "done";
  }
  return "unknown";
}

}  // namespace drs
