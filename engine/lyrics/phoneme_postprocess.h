// phonemizer's EspeakBackend post-processing (strip=True, remove-flags) of one raw
// espeak chunk, and the reassembly of a line from chunks and punctuation (phonemizer
// restore + DiffRhythm's pipe wrapping of marks).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lyrics/punctuation_split.h"

namespace drs::lyrics {

struct ChunkPhones {
  std::u32string phones;         // "h|ə|l|oʊ|_|w|ɜː|l|d"
  bool language_switch = false;  // espeak marked a word as foreign: "(fr)" ... "(en-us)"
};

ChunkPhones postprocess_chunk(std::u32string_view raw);

// pieces: the punctuation split of the line; phones: one entry per text piece, in order.
std::u32string assemble_line(const std::vector<TextPiece>& pieces,
                             const std::vector<std::u32string>& phones);

}  // namespace drs::lyrics
