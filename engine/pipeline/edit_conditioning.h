// What an edit or continuation request gives the sampler: the reference song's latent
// posterior and the frame ranges to regenerate (everything else is pasted back).
#pragma once

#include <stop_token>
#include <vector>

#include "drs/song_edit.h"
#include "pipeline/edit_frames.h"
#include "pipeline/reference_latent.h"
#include "vae/vae.h"

namespace drs {

// The reference song read and checked against the song, not yet encoded.
struct EditReference {
  at::Tensor audio;                // [1, 2, S] at 44.1 kHz, -6 dBFS peak
  std::vector<FrameRange> ranges;  // frames to regenerate: sorted, merged, within the song
};

struct EditConditioning {
  ReferencePosterior posterior;
  std::vector<FrameRange> ranges;
};

// Reads the reference and checks it against a song of `frames` frames: cheap, so a run
// can refuse a bad request before loading or encoding anything. A reference shorter
// than the song is accepted only where every frame past its end is regenerated (a
// continuation, or spans running to the end); otherwise drs::Error(BadInput) names both
// lengths. Padding the kept part with silence instead would paste a silent hole into
// the result that nobody asked for (the official code fails on any reference shorter
// than the song).
EditReference read_edit_reference(const SongEdit& edit, int64_t frames);

// The costly part: the VAE encoder over the whole reference (as upstream, also past the
// song's end), reported through `on_chunk`.
EditConditioning encode_edit_reference(EditReference reference, const Vae& vae,
                                       const ChunkCallback& on_chunk, std::stop_token stop);

}  // namespace drs
