// Models written at test time by /usr/bin/python3 (python3-torch, python3-onnx): our own
// BERT-like exports with torch's own outputs, small models the loader must refuse, and
// one-node models with numpy's expected outputs (make_op_models.py, ops.json).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace drs::test {

// Whether Debian's /usr/bin/python3 imports every module of `modules` (comma-separated).
bool python_has(const std::string& modules);

// The folder with the generated models (written once per process, removed at exit);
// empty when python3-torch or python3-onnx is missing.
const std::filesystem::path& onnx_test_models();

// Runs `/usr/bin/python3 <script> <args>`; true on exit status 0.
bool run_python(const std::filesystem::path& script, const std::string& args);

// max |a - b|, and how many rows of `classes` logits have the same argmax in both.
struct LogitComparison {
  double max_abs_err = 0;
  std::size_t rows = 0;
  std::size_t same_argmax = 0;
};
LogitComparison compare_logits(std::span<const float> ours, std::span<const float> reference,
                               std::size_t classes);
std::size_t argmax(std::span<const float> row);

}  // namespace drs::test
