#include "onnx/chinese_lyrics_runner.h"

#include "lyrics/chinese/chinese_g2p.h"
#include "onnx/polyphone_model.h"

namespace drs::onnx {

void install_chinese_polyphone_runner() {
  lyrics::zh::set_default_scorer_loader(
      [](const std::filesystem::path& model) -> std::shared_ptr<const lyrics::zh::PolyphoneScorer> {
        return load_polyphone_scorer(model);
      });
}

}  // namespace drs::onnx
