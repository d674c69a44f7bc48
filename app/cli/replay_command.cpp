#include "replay_command.h"

#include <cstdio>

#include "drs/error.h"
#include "resume_command.h"

namespace drs::cli {

Replay read_replay(const Options& opt) {
  Replay replay;
  replay.manifest_file = *opt.manifest;
  replay.manifest = read_take_manifest(replay.manifest_file);
  const auto& recorded = replay.manifest.audio;
  if (opt.out.empty()) {
    const auto extension = std::filesystem::path(recorded.file).extension().string();
    replay.out = replay.manifest_file.parent_path() /
                 (replay.manifest_file.stem().string() + ".replay" + extension);
  } else {
    replay.out = opt.out;
  }
  replay.format = opt.format        ? *opt.format
                  : opt.out.empty() ? recorded.format
                  : audio_format_for(replay.out) == audio_format_for(recorded.file)
                      ? recorded.format
                      : audio_format_for(replay.out);
  replay.precision = opt.precision == Precision::Auto
                         ? precision_named(replay.manifest.origin.precision)
                         : opt.precision;
  replay.threads = opt.threads > 0 ? opt.threads : replay.manifest.origin.threads;
  return replay;
}

void report_replay(const Replay& replay, const std::filesystem::path& written) {
  const auto& recorded = replay.manifest.audio;
  if (replay.format != recorded.format) {
    std::fprintf(stderr,
                 "replay: written in another format than the take (%s): not compared byte for "
                 "byte\n",
                 recorded.file.c_str());
    return;
  }
  const auto here = read_take_manifest(take_manifest_path(written)).audio.sha256;
  if (here == recorded.sha256)
    std::fprintf(stderr, "replay: identical to the recorded take %s (SHA-256 %s)\n",
                 recorded.file.c_str(), here.c_str());
  else
    std::fprintf(stderr,
                 "warning: replay: the audio differs from the recorded take %s (SHA-256 %s, "
                 "the take's %s)\n",
                 recorded.file.c_str(), here.c_str(), recorded.sha256.c_str());
}

}  // namespace drs::cli
