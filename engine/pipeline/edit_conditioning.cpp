#include "pipeline/edit_conditioning.h"

#include <cstdio>
#include <string>

#include "drs/error.h"
#include "pipeline/reference_song.h"

namespace drs {
namespace {

constexpr int64_t kHop = 2048;  // audio samples per latent frame

std::string seconds_text(int64_t frames) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(frames * kHop) / 44100.0);
  return buffer;
}

std::vector<FrameRange> continuation_ranges(const SongEdit& edit, int64_t available,
                                            int64_t frames) {
  if (available >= frames)
    throw Error(ErrorKind::BadInput,
                edit.reference.string() + ": the reference is already " + seconds_text(available) +
                    " long; a continuation must make a longer song than " + seconds_text(frames));
  return {{available, frames}};
}

void check_reference_covers_kept_part(const SongEdit& edit, const std::vector<FrameRange>& ranges,
                                      int64_t available, int64_t frames) {
  const int64_t missing = first_uncovered_kept_frame(ranges, frames, available);
  if (missing < 0) return;
  throw Error(ErrorKind::BadInput,
              edit.reference.string() + ": the reference song is " + seconds_text(available) +
                  " long, but the song is " + seconds_text(frames) +
                  " and the part to keep from the reference reaches past its end (from " +
                  seconds_text(missing) +
                  "); regenerate to the end (end -1), continue the song instead, or use a "
                  "longer reference");
}

}  // namespace

EditReference read_edit_reference(const SongEdit& edit, int64_t frames) {
  EditReference reference;
  reference.audio = load_reference_song(edit.reference);
  const int64_t available = reference.audio.size(2) / kHop;
  if (available < 1)
    throw Error(ErrorKind::BadInput, edit.reference.string() +
                                         ": the reference song is too short (under one latent "
                                         "frame, 46 ms)");
  if (edit.continuation) {
    reference.ranges = continuation_ranges(edit, available, frames);
  } else {
    reference.ranges = edit_frame_ranges(edit.spans, frames);
    check_reference_covers_kept_part(edit, reference.ranges, available, frames);
  }
  return reference;
}

EditConditioning encode_edit_reference(EditReference reference, const Vae& vae,
                                       const ChunkCallback& on_chunk, std::stop_token stop) {
  EditConditioning result;
  result.posterior = encode_reference(vae, reference.audio, on_chunk, std::move(stop));
  result.ranges = std::move(reference.ranges);
  return result;
}

}  // namespace drs
