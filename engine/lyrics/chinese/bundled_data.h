#pragma once
// The small official files of the Chinese data folder (DiffRhythm's g2p/sources/,
// Apache-2.0; resources/data/NOTICE.md), compiled in: a data folder that holds only the
// model store's two large files (lexicon, ONNX model) is complete with them.

#include <optional>
#include <string_view>

namespace drs::lyrics::zh {

// The bundled copy of a file by its path in the folder (ChineseDataFiles), if bundled.
std::optional<std::string_view> bundled_chinese_file(std::string_view relative_path);

}  // namespace drs::lyrics::zh
