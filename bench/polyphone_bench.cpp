// drs-bench-polyphone: the polyphone BERT through our ONNX interpreter - load time and
// per-query time for several sentence lengths.
//   drs-bench-polyphone [--model FILE] [--lengths 16,64,256] [--runs N] [--json]
// Without --model it writes a real-size export with random weights first (6 layers,
// hidden 384, 12 heads, vocab 21128, 391 classes; /usr/bin/python3 with python3-torch),
// the shape of the official poly_bert_model.onnx, whose weights are not needed to time it.
#include <ATen/Parallel.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "drs/error.h"
#include "onnx/polyphone_model.h"
#include "stats.h"

namespace {

namespace fs = std::filesystem;

struct Options {
  fs::path model;
  std::vector<int> lengths{16, 64, 256};
  int runs = 10;
  bool json = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--model") {
      o.model = value();
    } else if (a == "--runs") {
      o.runs = std::stoi(value());
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--lengths") {
      o.lengths.clear();
      std::string list = value();
      for (std::size_t pos = 0; pos <= list.size();) {
        const auto comma = std::min(list.find(',', pos), list.size());
        o.lengths.push_back(std::stoi(list.substr(pos, comma - pos)));
        pos = comma + 1;
      }
    } else {
      throw std::runtime_error("unknown option " + a +
                               " (--model FILE --lengths 16,64,256 --runs N --json)");
    }
  }
  return o;
}

// A real-size export with random weights in a temporary folder.
fs::path write_real_size_model(const fs::path& dir) {
  fs::create_directories(dir);
  const std::string command = std::string("/usr/bin/python3 -W ignore '") + DRS_BENCH_BERT_SCRIPT +
                              "' '" + dir.string() + "' --bench";
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("writing the real-size export failed (needs python3-torch)");
  return dir / "bench.onnx";
}

// The 1-minute load average: the figures mean little on a busy machine.
double load_average() {
  double load = -1;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = -1;
    std::fclose(f);
  }
  return load;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

nlohmann::json run(const Options& o, const fs::path& model) {
  const auto start = std::chrono::steady_clock::now();
  const auto scorer = drs::onnx::load_polyphone_scorer(model);
  const double load = seconds_since(start);
  nlohmann::json report = {{"model", model.string()},
                           {"model_bytes", fs::file_size(model)},
                           {"classes", scorer->num_classes()},
                           {"threads", at::get_num_threads()},
                           {"load_s", load},
                           {"load_average_1min", load_average()},
                           {"queries", nlohmann::json::array()}};
  std::mt19937 rng(1);
  std::uniform_int_distribution<std::int32_t> ids(670, 7000);  // CJK characters of vocab.txt
  for (const int length : o.lengths) {
    std::vector<std::int32_t> query(static_cast<std::size_t>(length));
    query[0] = 101;
    for (std::size_t i = 1; i < query.size(); ++i) query[i] = ids(rng);
    const auto timing = drs::bench::time_repeats(1, o.runs, [&] { (void)scorer->logits(query); });
    report["queries"].push_back({{"length", length},
                                 {"runs", o.runs},
                                 {"median_ms", timing.median * 1e3},
                                 {"spread", timing.spread}});
  }
  return report;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const auto options = parse(argc, argv);
    const auto temp =
        fs::temp_directory_path() / ("drs-bench-polyphone-" + std::to_string(::getpid()));
    const auto model = options.model.empty() ? write_real_size_model(temp) : options.model;
    const auto report = run(options, model);
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    if (options.json) {
      std::cout << report.dump(2) << "\n";
      return 0;
    }
    std::printf("%s: %.1f MB, %d classes, %d threads, load %.3f s (load average %.1f)\n",
                model.c_str(), report["model_bytes"].get<double>() / 1e6,
                report["classes"].get<int>(), report["threads"].get<int>(),
                report["load_s"].get<double>(), report["load_average_1min"].get<double>());
    for (const auto& q : report["queries"])
      std::printf("  length %4d: %8.2f ms per query (median of %d, spread %.2f)\n",
                  q["length"].get<int>(), q["median_ms"].get<double>(), q["runs"].get<int>(),
                  q["spread"].get<double>());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "drs-bench-polyphone: %s\n", e.what());
    return 1;
  }
}
