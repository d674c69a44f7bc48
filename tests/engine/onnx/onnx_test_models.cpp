#include "onnx/onnx_test_models.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "support/temp_dir.h"

namespace drs::test {
namespace {

struct GeneratedModels {
  TempDir temp{"onnx-test"};
  std::filesystem::path dir;  // stays empty when a model could not be written
  GeneratedModels() {
    if (!python_has("torch,onnx,numpy")) return;
    const auto& path = temp.path();
    const std::filesystem::path script = DRS_ONNX_TEST_DIR "/make_bert_exports.py";
    const std::filesystem::path ops = DRS_ONNX_TEST_DIR "/make_op_models.py";
    if (run_python(script, "'" + path.string() + "'") &&
        run_python(script, "'" + path.string() + "' --errors") &&
        run_python(ops, "'" + path.string() + "'"))
      dir = path;
  }
};

}  // namespace

bool python_has(const std::string& modules) {
  const auto command = "/usr/bin/python3 -c 'import " + modules + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

bool run_python(const std::filesystem::path& script, const std::string& args) {
  // torch.onnx.export's tracer warnings are noise here; a failure still shows its traceback.
  const auto command = "/usr/bin/python3 -W ignore '" + script.string() + "' " + args;
  return std::system(command.c_str()) == 0;
}

const std::filesystem::path& onnx_test_models() {
  static const GeneratedModels models;
  return models.dir;
}

std::size_t argmax(std::span<const float> row) {
  return static_cast<std::size_t>(std::max_element(row.begin(), row.end()) - row.begin());
}

LogitComparison compare_logits(std::span<const float> ours, std::span<const float> reference,
                               std::size_t classes) {
  LogitComparison c;
  if (ours.size() != reference.size() || classes == 0) {
    c.max_abs_err = INFINITY;
    return c;
  }
  for (std::size_t i = 0; i < ours.size(); ++i)
    c.max_abs_err = std::max(c.max_abs_err, double(std::fabs(ours[i] - reference[i])));
  c.rows = ours.size() / classes;
  for (std::size_t r = 0; r < c.rows; ++r)
    c.same_argmax += argmax(ours.subspan(r * classes, classes)) ==
                     argmax(reference.subspan(r * classes, classes));
  return c;
}

}  // namespace drs::test
