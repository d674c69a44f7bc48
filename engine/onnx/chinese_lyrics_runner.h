// Plugs this module's ONNX runner into the Chinese lyrics front end (engine/lyrics,
// Torch-free), so drs::analyze_lyrics can run the polyphone model of the data folder in
// LyricsOptions::chinese_data_dir. Call once at start-up, before analysing lyrics (the
// engine and the window do; calling it again is harmless).
#pragma once

namespace drs::onnx {

void install_chinese_polyphone_runner();

}  // namespace drs::onnx
