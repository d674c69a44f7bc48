// The Chinese front end a g2p_zh-style fixture folder is tested with: its own `data/`
// folder and a polyphone scorer. The scorer is the engine's LibTorch ONNX runner when the
// build has it (DRS_TEST_ONNX_SCORER); otherwise a stand-in that answers only the queries
// the fixtures' debug records hold (the reference model's argmax per position).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "drs/lyrics.h"
#include "lyrics/chinese/chinese_g2p.h"
#include "support/reference.h"

namespace drs::test {

// nullptr when the fixture has no `data/` folder next to it (an English-only set).
std::shared_ptr<const drs::lyrics::zh::ChineseG2p> chinese_front_end(const Fixture& fixture);

// Options for drs::analyze_lyrics on a document of this fixture's set: with the ONNX
// runner, the production wiring (the runner installed, LyricsOptions::chinese_data_dir =
// the set's data/); else the stand-in front end as second_language.
drs::LyricsOptions lyrics_options(const Fixture& fixture);

// "onnx" or "recorded".
std::string chinese_scorer_kind();

}  // namespace drs::test
