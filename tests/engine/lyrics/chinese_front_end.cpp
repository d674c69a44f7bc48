#include "chinese_front_end.h"

#include <fstream>
#include <map>
#include <vector>

#include "drs/error.h"

#ifdef DRS_TEST_ONNX_SCORER
#include "onnx/chinese_lyrics_runner.h"
#include "onnx/polyphone_model.h"
#endif

namespace drs::test {
namespace {

namespace fs = std::filesystem;
using drs::lyrics::zh::PolyphoneScorer;

#ifndef DRS_TEST_ONNX_SCORER
// Answers a model input with logits that put 1 at each recorded class and 0 elsewhere;
// an input no fixture records is an error (the line then fails and shows up).
class RecordedScorer final : public PolyphoneScorer {
 public:
  RecordedScorer(const fs::path& fixture_dir, int classes) : classes_(classes) {
    for (const auto& f : find_fixtures("g2p_lines")) {
      if (f.dir() != fixture_dir) continue;
      for (const auto& c : f.json.at("cases")) {
        if (!c.contains("debug")) continue;
        for (const auto& run : c["debug"].value("runs", nlohmann::json::array())) {
          if (!run.contains("bert_input_ids")) continue;
          auto& answers = records_[run["bert_input_ids"].get<std::vector<std::int32_t>>()];
          for (const auto& w : run.value("words", nlohmann::json::array()))
            for (const auto& q : w.value("poly_model", nlohmann::json::array()))
              answers[q.at("position").get<int>()] = q.at("class").get<int>();
        }
      }
    }
  }

  [[nodiscard]] std::vector<float> logits(std::span<const std::int32_t> ids) const override {
    const auto it = records_.find(std::vector<std::int32_t>(ids.begin(), ids.end()));
    if (it == records_.end())
      throw drs::Error(drs::ErrorKind::BadInput, "recorded scorer: no fixture records this input");
    std::vector<float> out((ids.size() - 1) * static_cast<std::size_t>(classes_), 0.0f);
    for (const auto& [row, cls] : it->second)
      out.at(static_cast<std::size_t>(row) * static_cast<std::size_t>(classes_) +
             static_cast<std::size_t>(cls)) = 1.0f;
    return out;
  }
  [[nodiscard]] int num_classes() const override { return classes_; }

 private:
  int classes_;
  std::map<std::vector<std::int32_t>, std::map<int, int>> records_;
};

int polydict_size(const fs::path& data) {
  std::ifstream in(data / "g2p_chinese_model" / "polydict.json");
  return static_cast<int>(nlohmann::json::parse(in).size());
}

#endif

}  // namespace

std::string chinese_scorer_kind() {
#ifdef DRS_TEST_ONNX_SCORER
  return "onnx";
#else
  return "recorded";
#endif
}

std::shared_ptr<const drs::lyrics::zh::ChineseG2p> chinese_front_end(const Fixture& fixture) {
  const fs::path data = fixture.dir() / "data";
  if (!fs::is_directory(data)) return nullptr;
  // One per folder: the documents and lines of a set share its front end and memo.
  static std::map<fs::path, std::shared_ptr<const drs::lyrics::zh::ChineseG2p>> made;
  auto& slot = made[data];
  if (slot) return slot;
  drs::lyrics::zh::ChineseG2pOptions options;
  options.data_dir = data;
#ifdef DRS_TEST_ONNX_SCORER
  options.load_scorer = [](const fs::path& onnx) { return drs::onnx::load_polyphone_scorer(onnx); };
#else
  const fs::path dir = fixture.dir();
  options.load_scorer = [dir, data](const fs::path&) -> std::shared_ptr<const PolyphoneScorer> {
    return std::make_shared<RecordedScorer>(dir, polydict_size(data));
  };
#endif
  slot = std::make_shared<drs::lyrics::zh::ChineseG2p>(options);
  return slot;
}

drs::LyricsOptions lyrics_options(const Fixture& fixture) {
  drs::LyricsOptions options;
  const fs::path data = fixture.dir() / "data";
  if (!fs::is_directory(data)) return options;
#ifdef DRS_TEST_ONNX_SCORER
  drs::onnx::install_chinese_polyphone_runner();
  options.chinese_data_dir = data;
#else
  options.second_language = chinese_front_end(fixture);
#endif
  return options;
}

}  // namespace drs::test
