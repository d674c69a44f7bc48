// The pure logic behind the Edit mode of a take (no widgets): which lyric lines a set
// of spans touches, and the requests that regenerate spans or continue a take.
#pragma once

#include <QString>

#include <vector>

#include "drs/engine.h"
#include "drs/lyrics.h"
#include "drs/song_edit.h"

namespace drs::ui {

// Spans in seconds within [0, song_seconds], sorted, overlapping ones merged; spans
// shorter than `min_seconds` are dropped (a click without a drag).
std::vector<TimeSpan> normalized_spans(std::vector<TimeSpan> spans, double song_seconds,
                                       double min_seconds = 0.1);

// 1-based LRC lines whose sung stretch (from their time to the next line's) overlaps a
// span: the lines the regenerated audio will sing again.
std::vector<int> lines_in_spans(const LyricsAnalysis& analysis, const std::vector<TimeSpan>& spans,
                                double song_seconds);

// `base` (lyrics, style, preset and seed as the window would generate) turned into an
// edit of the take stored at `reference`.
GenerationRequest edit_request(GenerationRequest base, const QString& reference,
                               const std::vector<TimeSpan>& spans);

// `base` turned into a continuation of the take at `reference` to `seconds`.
GenerationRequest continue_request(GenerationRequest base, const QString& reference,
                                   double seconds);

// Song lengths (whole seconds) a take of `take_seconds` can be continued to with the
// loaded model: above the take, within the model's range; empty when none (e.g. the
// 95 s base model and a 95 s take: continuing needs the full model).
std::vector<int> continuation_lengths(const ModelInfo& info, double take_seconds);

}  // namespace drs::ui
