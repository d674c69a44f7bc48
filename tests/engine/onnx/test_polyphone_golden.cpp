// The g2p_zh fixtures' polyphone model (data/g2p_chinese_model/poly_bert_model.onnx next to
// each g2p_lines fixture that has one): every BERT input the official run made, through our
// interpreter, against (1) an independent numpy evaluation of the same file and (2) the
// class the official run recorded at every queried position.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "onnx/onnx_test_models.h"
#include "onnx/polyphone_model.h"
#include "support/reference.h"
#include "support/temp_dir.h"

namespace {

namespace fs = std::filesystem;

struct Query {
  std::vector<std::int32_t> ids;
  std::vector<std::pair<std::size_t, std::size_t>> recorded;  // (row, class)
};

std::vector<Query> queries_of(const nlohmann::json& fixture) {
  std::vector<Query> out;
  for (const auto& c : fixture["cases"]) {
    if (!c.contains("debug") || !c["debug"].contains("runs")) continue;
    for (const auto& run : c["debug"]["runs"]) {
      if (!run.contains("bert_input_ids")) continue;
      Query q{run["bert_input_ids"].get<std::vector<std::int32_t>>(), {}};
      for (const auto& word : run.value("words", nlohmann::json::array()))
        for (const auto& p : word.value("poly_model", nlohmann::json::array()))
          q.recorded.emplace_back(p["position"].get<std::size_t>(), p["class"].get<std::size_t>());
      out.push_back(std::move(q));
    }
  }
  return out;
}

// The numpy evaluation of `model` on every query, or nothing without python3-onnx.
std::vector<std::vector<float>> numpy_logits(const fs::path& model, const std::vector<Query>& qs) {
  if (!drs::test::python_has("onnx,numpy")) return {};
  const drs::test::TempDir temp("onnx-numpy");
  const fs::path& dir = temp.path();
  nlohmann::json in = nlohmann::json::array();
  for (const auto& q : qs) in.push_back(q.ids);
  std::ofstream(dir / "in.json") << in.dump();
  std::vector<std::vector<float>> result;
  if (drs::test::run_python(DRS_ONNX_TEST_DIR "/onnx_numpy_eval.py",
                            "'" + model.string() + "' '" + (dir / "in.json").string() + "' '" +
                                (dir / "out.json").string() + "'")) {
    std::ifstream out(dir / "out.json");
    for (const auto& r : nlohmann::json::parse(out))
      result.push_back(r["logits"].get<std::vector<float>>());
  }
  return result;
}

TEST(PolyphoneGolden, FixtureModelMatchesNumpyAndTheRecordedClasses) {
  std::size_t models = 0;
  for (const auto& fixture : drs::test::find_fixtures("g2p_lines")) {
    const auto model = fixture.dir() / "data" / "g2p_chinese_model" / "poly_bert_model.onnx";
    if (!fs::exists(model)) continue;  // an English-only set
    ++models;
    const auto queries = queries_of(fixture.json);
    const auto scorer = drs::onnx::load_polyphone_scorer(model);
    const auto classes = static_cast<std::size_t>(scorer->num_classes());
    const auto reference = numpy_logits(model, queries);
    if (drs::test::python_has("onnx,numpy")) {
      ASSERT_EQ(reference.size(), queries.size())
          << "the numpy evaluation of " << model << " failed";
    }
    drs::test::LogitComparison total;
    std::size_t recorded = 0, recorded_ok = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto& q = queries[i];
      const auto ours = scorer->logits(q.ids);
      ASSERT_EQ(ours.size(), (q.ids.size() - 1) * classes);
      for (const auto& [row, cls] : q.recorded) {
        ASSERT_LT(row, q.ids.size() - 1);
        const auto got = drs::test::argmax(std::span(ours).subspan(row * classes, classes));
        ++recorded;
        recorded_ok += got == cls;
        EXPECT_EQ(got, cls) << fixture.name() << " query " << i << " row " << row;
      }
      if (reference.empty()) continue;
      const auto cmp = drs::test::compare_logits(ours, reference[i], classes);
      total.max_abs_err = std::max(total.max_abs_err, cmp.max_abs_err);
      total.rows += cmp.rows;
      total.same_argmax += cmp.same_argmax;
    }
    std::printf("%s: %zu classes, %zu queries; recorded classes %zu/%zu", fixture.name().c_str(),
                classes, queries.size(), recorded_ok, recorded);
    if (reference.empty()) {
      std::printf(" (no numpy check: python3-onnx missing)\n");
    } else {
      std::printf("; vs numpy: max |logit err| %.3g, argmax %zu/%zu rows\n", total.max_abs_err,
                  total.same_argmax, total.rows);
      EXPECT_LE(total.max_abs_err, 1e-4);
    }
  }
  if (models == 0)
    GTEST_SKIP() << "no g2p_lines fixture with a polyphone model under "
                 << drs::test::reference_dir();
}

}  // namespace
