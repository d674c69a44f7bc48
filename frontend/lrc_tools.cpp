#include "frontend/lrc_tools.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace drs::frontend {
namespace {

constexpr double kFramesPerSecond = 44100.0 / 2048.0;
// Tokens are placed one per latent frame, but a line is sung at roughly this pace
// (phones incl. word boundaries). A gap is "too long" when it is kLongGapFactor
// times the sung duration and over kLongGapSeconds: the model then fills the time
// by repeating words or humming.
constexpr double kSungSecondsPerToken = 0.25;
constexpr double kLongGapFactor = 2.5;
constexpr double kLongGapSeconds = 10.0;

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// Length of a leading "[mm:ss.xx]" (also accepts more fraction digits), or 0.
std::size_t stamp_length(std::string_view line) {
  if (line.size() < 10 || line[0] != '[' || line[3] != ':' || line[6] != '.') return 0;
  if (!is_digit(line[1]) || !is_digit(line[2]) || !is_digit(line[4]) || !is_digit(line[5]))
    return 0;
  std::size_t end = 7;
  while (end < line.size() && is_digit(line[end])) ++end;
  if (end == 7 || end >= line.size() || line[end] != ']') return 0;
  return end + 1;
}

std::string lyric_text(std::string_view line) {
  return std::string(trim(line.substr(stamp_length(line))));
}

}  // namespace

std::string format_timestamp(double seconds) {
  const auto hundredths = static_cast<long long>(std::floor(std::max(0.0, seconds) * 100.0 + 1e-6));
  const long long minutes = std::min(99LL, hundredths / 6000);
  const long long rest = hundredths - minutes * 6000;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "[%02lld:%02lld.%02lld]", minutes, rest / 100, rest % 100);
  return buffer;
}

std::optional<double> line_timestamp(std::string_view line) {
  if (stamp_length(line) == 0) return std::nullopt;
  const int minutes = (line[1] - '0') * 10 + (line[2] - '0');
  // from_chars, unlike std::stod, ignores the process locale (the GUI runs in the user's,
  // where "12.34" would read as 12).
  const std::string_view digits = line.substr(4, stamp_length(line) - 5);
  double seconds = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
  return minutes * 60.0 + seconds;
}

std::string set_line_timestamp(std::string_view line, double seconds) {
  const std::size_t old = stamp_length(line);
  std::string rest(old ? line.substr(old) : line);
  return format_timestamp(seconds) + rest;
}

bool is_untimed_lyric(std::string_view line) {
  const auto text = trim(line);
  if (text.empty() || stamp_length(text) != 0) return false;
  // Metadata tags such as [ar:Artist] or [offset:+100].
  if (text.front() == '[') {
    const auto colon = text.find(':');
    const auto close = text.find(']');
    if (colon != std::string_view::npos && close != std::string_view::npos && colon < close &&
        std::all_of(text.begin() + 1, text.begin() + static_cast<std::ptrdiff_t>(colon),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }))
      return false;
  }
  return true;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find('\n', start);
    auto line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) text += '\n';
    text += lines[i];
  }
  return text;
}

std::string spread_untimed(std::string_view text, double song_seconds,
                           const TokenCounter& count_tokens, double seconds_per_token) {
  auto lines = split_lines(text);
  std::optional<std::size_t> previous_timed;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!is_untimed_lyric(lines[i])) {
      if (line_timestamp(lines[i])) previous_timed = i;
      ++i;
      continue;
    }
    // A run of untimed lines [i, run_end), ignoring blank/tag lines inside it.
    std::vector<std::size_t> run;
    std::size_t j = i;
    for (; j < lines.size() && !line_timestamp(lines[j]); ++j)
      if (is_untimed_lyric(lines[j])) run.push_back(j);
    const std::optional<double> next_time =
        j < lines.size() ? line_timestamp(lines[j]) : std::nullopt;

    // Weights: the previous timed line shares the span (its own words need time too).
    std::vector<double> weights;
    double start = 0;
    if (previous_timed) {
      start = *line_timestamp(lines[*previous_timed]);
      weights.push_back(std::max(1, count_tokens(lyric_text(lines[*previous_timed]))));
    }
    for (auto index : run) weights.push_back(std::max(1, count_tokens(lyric_text(lines[index]))));
    const double total_weight = std::accumulate(weights.begin(), weights.end(), 0.0);
    const double end = next_time ? *next_time
                                 : std::min(std::max(start, song_seconds - 1.0),
                                            start + total_weight * seconds_per_token);
    const double span = std::max(0.0, end - start);

    double offset = previous_timed ? weights.front() : 0.0;
    for (std::size_t k = 0; k < run.size(); ++k) {
      lines[run[k]] = set_line_timestamp(lines[run[k]], start + span * offset / total_weight);
      offset += weights[k + (previous_timed ? 1 : 0)];
    }
    if (!run.empty()) previous_timed = run.back();
    i = j;
  }
  return join_lines(lines);
}

std::vector<LyricGap> find_gaps(const LyricsAnalysis& analysis) {
  std::vector<LyricGap> gaps;
  // The last placed line runs to the song end: a long tail there is normal.
  const LyricLine* last = nullptr;
  for (const auto& line : analysis.lines)
    if (line.placed) last = &line;
  for (const auto& line : analysis.lines) {
    if (!line.placed || line.tokens <= 0) continue;
    LyricGap gap{.kind = LyricGap::Kind::TooShort,
                 .line = line.line,
                 .tokens = line.tokens,
                 .frames_available = line.frames_available,
                 .needed_seconds = line.tokens / kFramesPerSecond,
                 .available_seconds = line.frames_available / kFramesPerSecond,
                 .sung_seconds = line.tokens * kSungSecondsPerToken};
    if (line.overflows || line.frames_available < line.tokens) {
      gaps.push_back(gap);
    } else if (&line != last && gap.available_seconds > kLongGapSeconds &&
               gap.available_seconds > kLongGapFactor * gap.sung_seconds) {
      gap.kind = LyricGap::Kind::TooLong;
      gaps.push_back(gap);
    }
  }
  return gaps;
}

}  // namespace drs::frontend
