// drs-bench-chinese-lyrics: what the Chinese lyrics front end costs. Sizes and load
// times of its data (the embedded jieba tables, the lexicon at the real file's size,
// the polyphone model when the build has the ONNX runner), and the time to analyse a
// 100-line Chinese LRC the first time and again after a one-line edit (the per-line
// memo). Prints one JSON object; asserts nothing about speed.
//   drs-bench-chinese-lyrics [--data DIR] [--lexicon-bytes N]
// DIR: a g2p/sources-layout folder (default: $DRS_REFERENCE_DIR/g2p_zh/data). Its
// lexicon is replicated (suffixing words with rare characters) to N bytes
// (default 14,779,443, the official file) in a temporary copy of the folder.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "drs/lyrics.h"
#include "lyrics/chinese/chinese_data.h"
#include "lyrics/chinese/chinese_g2p.h"
#include "lyrics/chinese/jieba_data.h"
#include "lyrics/chinese/jieba_model.h"
#include "lyrics/utf8.h"

#include "onnx/polyphone_model.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Process CPU time (all threads): on a shared machine the wall time mostly measures the
// other processes.
double cpu_ms() {
  return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double resident_mb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kb = 0;
      status >> kb;
      return kb / 1024.0;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A copy of the folder whose lexicon has about `bytes` bytes: the original entries, then
// copies of the multi-character words with a suffix character (new keys, same format).
fs::path scaled_copy(const fs::path& src, std::uintmax_t bytes) {
  const fs::path dst = fs::temp_directory_path() / ("drs-zh-bench-" + std::to_string(::getpid()));
  fs::create_directories(dst);
  fs::copy(src, dst, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string original = read(src / "chinese_lexicon.txt");
  std::ofstream out(dst / "chinese_lexicon.txt", std::ios::binary | std::ios::trunc);
  out << original;
  std::uintmax_t written = original.size();
  const std::u32string suffixes = U"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
  for (std::size_t round = 0; written < bytes; ++round) {
    std::istringstream lines(original);
    const std::string suffix =
        drs::lyrics::to_utf8(suffixes.substr(round % suffixes.size(), 1)) +
        drs::lyrics::to_utf8(suffixes.substr(round / suffixes.size() % suffixes.size(), 1));
    for (std::string line; written < bytes && std::getline(lines, line);) {
      const auto tab = line.find('\t');
      if (tab == std::string::npos || tab <= 3) continue;  // single characters stay single
      const std::string entry = line.substr(0, tab) + suffix + line.substr(tab) + " jia3 yi3\n";
      out << entry;
      written += entry.size();
    }
  }
  return dst;
}

// 100 timestamped Chinese lines from the set's lines.json (zh cases without an error).
std::string chinese_lrc(const fs::path& data) {
  std::ifstream in(data.parent_path() / "lines.json");
  const auto doc = nlohmann::json::parse(in);
  std::string lrc;
  int n = 0;
  for (const auto& c : doc.at("cases")) {
    if (c.value("language", "") != "zh" || c.contains("error")) continue;
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "[%02d:%02d.00]", n * 3 / 60, n * 3 % 60);
    lrc += stamp + c.at("text").get<std::string>() + "\n";
    if (++n == 100) break;
  }
  return lrc;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data;
  if (const char* ref = std::getenv("DRS_REFERENCE_DIR")) data = fs::path(ref) / "g2p_zh" / "data";
  std::uintmax_t lexicon_bytes = 14779443;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--data") data = argv[i + 1];
    if (a == "--lexicon-bytes") lexicon_bytes = std::stoull(argv[i + 1]);
  }
  if (data.empty() || !fs::is_directory(data)) {
    std::cerr << "usage: drs-bench-chinese-lyrics --data DIR (g2p/sources layout)\n";
    return 2;
  }
  nlohmann::json out;
  out["jieba_resource_bytes"] = drs::lyrics::zh::jieba_resource().size();
  double rss = resident_mb();
  auto t0 = Clock::now();
  (void)drs::lyrics::zh::JiebaModel::instance();
  out["jieba_parse_ms"] = ms_since(t0);
  out["jieba_resident_mb"] = resident_mb() - rss;

  const fs::path scaled = scaled_copy(data, lexicon_bytes);
  out["lexicon_bytes"] = fs::file_size(scaled / "chinese_lexicon.txt");
  rss = resident_mb();
  t0 = Clock::now();
  double c0 = cpu_ms();
  const auto loaded = drs::lyrics::zh::ChineseData::shared(scaled);
  out["lexicon_load_ms"] = ms_since(t0);
  out["lexicon_load_cpu_ms"] = cpu_ms() - c0;
  out["lexicon_entries"] = loaded->lexicon_size();
  out["lexicon_resident_mb"] = resident_mb() - rss;

  drs::lyrics::zh::ChineseG2pOptions options{scaled, {}};
  out["model_bytes"] = fs::file_size(scaled / drs::lyrics::zh::ChineseDataFiles::kModel);
  t0 = Clock::now();
  double m0 = cpu_ms();
  std::shared_ptr<const drs::lyrics::zh::PolyphoneScorer> scorer =
      drs::onnx::load_polyphone_scorer(scaled / drs::lyrics::zh::ChineseDataFiles::kModel);
  out["model_load_ms"] = ms_since(t0);
  out["model_load_cpu_ms"] = cpu_ms() - m0;
  options.load_scorer = [scorer](const fs::path&) { return scorer; };
  out["scorer"] = "onnx";
  drs::LyricsOptions lyrics;
  lyrics.second_language = std::make_shared<const drs::lyrics::zh::ChineseG2p>(options);
  std::string lrc = chinese_lrc(data);
  t0 = Clock::now();
  c0 = cpu_ms();
  auto first = drs::analyze_lyrics(lrc, 6144, 285, lyrics);
  out["lrc_lines"] = first.lines.size();
  out["lrc_first_ms"] = ms_since(t0);
  out["lrc_first_cpu_ms"] = cpu_ms() - c0;
  const auto at = lrc.find("\n[00:30.00]");
  lrc.insert(at + 11, "我");  // one keystroke in one line
  t0 = Clock::now();
  c0 = cpu_ms();
  auto edited = drs::analyze_lyrics(lrc, 6144, 285, lyrics);
  out["lrc_after_one_line_edit_ms"] = ms_since(t0);
  out["lrc_after_one_line_edit_cpu_ms"] = cpu_ms() - c0;
  out["load_average_1min"] = [] {
    double avg = 0;
    std::ifstream("/proc/loadavg") >> avg;
    return avg;
  }();
  int errors = 0;
  for (const auto& issue : edited.issues) errors += issue.severity == drs::Severity::Error;
  out["lrc_error_issues"] = errors;
  fs::remove_all(scaled);
  std::cout << out.dump(1) << "\n";
  return 0;
}
