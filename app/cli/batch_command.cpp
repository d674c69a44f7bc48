#include "batch_command.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "drs/error.h"
#include "drs/take_manifest.h"
#include "take_files.h"

namespace drs::cli {
namespace {

using nlohmann::json;

[[noreturn]] void bad_line(const std::filesystem::path& file, int line, const std::string& what) {
  throw Error(ErrorKind::BadInput, file.string() + " line " + std::to_string(line) + ": " + what);
}

std::string word_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return value.dump();  // a real number
}

std::vector<std::string> line_words(const std::filesystem::path& file, int number,
                                    const std::string& text) {
  json line;
  try {
    line = json::parse(text);
  } catch (const json::parse_error& e) {
    bad_line(file, number, std::string("not valid JSON: ") + e.what());
  }
  if (!line.is_object()) bad_line(file, number, "expected one JSON object");
  std::vector<std::string> words;
  for (const auto& [key, value] : line.items()) {
    if (key == "batch" || key == "manifest")
      bad_line(file, number, "'" + key + "' cannot be used in a batch line");
    if (value.is_boolean()) {
      if (value.get<bool>()) words.push_back("--" + key);
    } else if (value.is_string() || value.is_number()) {
      words.push_back("--" + key);
      words.push_back(word_of(value));
    } else {
      bad_line(file, number, "'" + key + "' must be a string, a number or true/false");
    }
  }
  return words;
}

// The command line without "--batch FILE".
std::vector<std::string> batch_base(int argc, char** argv) {
  std::vector<std::string> words;
  for (int i = 0; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--batch") {
      ++i;
      continue;
    }
    words.emplace_back(argv[i]);
  }
  return words;
}

Options line_options(const std::vector<std::string>& base, const std::vector<std::string>& line,
                     const std::filesystem::path& file, int number) {
  std::vector<std::string> words = base;
  words.insert(words.end(), line.begin(), line.end());
  std::vector<char*> args;
  for (auto& word : words) args.push_back(word.data());
  try {
    return parse_options(static_cast<int>(args.size()), args.data());
  } catch (const Error& e) {
    bad_line(file, number, e.what());
  }
}

bool finished(const Options& opt) {
  const auto first = take_path(opt.out, 0, opt.takes);
  const auto last = take_path(opt.out, opt.takes - 1, opt.takes);
  return std::filesystem::exists(first) && std::filesystem::exists(take_manifest_path(first)) &&
         std::filesystem::exists(take_manifest_path(last));
}

}  // namespace

std::vector<std::vector<std::string>> read_batch(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(ErrorKind::BadInput, file.string() + ": cannot read the batch file");
  std::vector<std::vector<std::string>> lines;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos || text[first] == '#') continue;
    lines.push_back(line_words(file, number, text));
  }
  if (lines.empty()) throw Error(ErrorKind::BadInput, file.string() + ": no requests in the batch");
  return lines;
}

int run_batch(int argc, char** argv, const std::function<int(const Options&)>& generate) {
  const auto batch = parse_options(argc, argv).batch.value();
  const auto lines = read_batch(batch);
  const auto base = batch_base(argc, argv);
  // Every line is checked before the first run starts.
  std::vector<Options> runs;
  for (std::size_t i = 0; i < lines.size(); ++i)
    runs.push_back(line_options(base, lines[i], batch, static_cast<int>(i) + 1));
  int result = kOk;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& opt = runs[i];
    if (opt.resume && finished(opt)) {
      std::fprintf(stderr, "batch %zu of %zu: %s is finished, skipped\n", i + 1, runs.size(),
                   opt.out.c_str());
      continue;
    }
    if (!opt.quiet)
      std::fprintf(stderr, "batch %zu of %zu: %s\n", i + 1, runs.size(), opt.out.c_str());
    const int code = generate(opt);
    if (code == kCancelled) {
      std::fprintf(stderr,
                   "batch cancelled at %zu of %zu: run it again with --resume to finish it\n",
                   i + 1, runs.size());
      return kCancelled;
    }
    if (code != kOk && result == kOk) result = code;
  }
  return result;
}

}  // namespace drs::cli
