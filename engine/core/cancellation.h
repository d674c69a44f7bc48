// How the engine's stages honour a caller's std::stop_token (drs/progress.h): each
// checks it at its own safe points (between transformer blocks, between VAE chunks) and
// unwinds with ErrorKind::Cancelled, which Engine::generate turns into
// Outcome::Cancelled.
#pragma once

#include <stop_token>

#include "drs/error.h"

namespace drs {

inline void throw_if_cancelled(const std::stop_token& token) {
  if (token.stop_requested()) throw Error(ErrorKind::Cancelled, "cancelled");
}

}  // namespace drs
