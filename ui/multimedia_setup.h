// Qt Multimedia plays through GStreamer on Linux. When GStreamer has no plugin registry
// cache yet (a new user, a fresh HOME), it forks a scanner process; glibc then runs
// OpenBLAS's fork handler, which can hang forever joining its idle GEMM threads
// (observed here: a fresh HOME, the engine's start-up GEMM probe, then the first
// QMediaPlayer). Scanning in-process avoids the fork.
#pragma once

namespace drs::ui {

// Sets GST_REGISTRY_FORK=no unless the user set it. Call before the first QMediaPlayer
// and before the engine computes anything (idempotent).
void keep_gstreamer_from_forking();

}  // namespace drs::ui
