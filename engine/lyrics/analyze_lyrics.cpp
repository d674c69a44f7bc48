// drs::analyze_lyrics: LRC parsing, per-line G2P, frame placement and diagnostics.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "drs/error.h"
#include "drs/lyrics.h"
#include "lyrics/chinese/chinese_g2p.h"
#include "lyrics/frame_placement.h"
#include "lyrics/g2p_cache.h"
#include "lyrics/lrc_parser.h"
#include "lyrics/utf8.h"

namespace drs {
namespace {

using lyrics::FramePlan;
using lyrics::ParsedLine;

constexpr int kBaseFrames = 2048;
constexpr int kFullFrames = 6144;

std::string format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, a, b, c);
  return buf;
}

void add(LyricsAnalysis& out, int line, int column, Severity severity, std::string code,
         std::string message) {
  out.issues.push_back({line, column, severity, std::move(code), std::move(message)});
}

Severity severity_of_failure(const std::string& code) {
  if (code == "empty-lyric") return Severity::Info;
  // The line cannot be sung as written until something is installed or fixed.
  if (code == "unsupported-language" || code == "chinese-data-missing" ||
      code == "chinese-data-corrupt" || code == "polyphone-model-failed")
    return Severity::Error;
  return Severity::Warning;
}

void check_request(int max_frames, double seconds) {
  if (max_frames != kBaseFrames && max_frames != kFullFrames)
    throw Error(ErrorKind::BadInput,
                "max_frames must be 2048 (base model) or 6144 (full model), got " +
                    std::to_string(max_frames));
  if (!std::isfinite(seconds) || seconds <= 0)
    throw Error(ErrorKind::BadInput, "song length must be a positive number of seconds");
}

void report_length(LyricsAnalysis& out, int max_frames, double seconds) {
  if (max_frames == kBaseFrames && seconds != 95)
    add(out, 0, 0, Severity::Warning, "length",
        format("the base model always makes 95 s; lyrics are cut at %.0f s as requested", seconds));
  if (max_frames == kFullFrames && (seconds < 96 || seconds > 285))
    add(out, 0, 0, Severity::Warning, "length",
        format("the full model is made for 96..285 s; %.1f s requested", seconds));
}

// Document column of a G2P column (1-based in the lyric; 0 = the whole lyric, shown
// at its first character).
int lyric_column(const ParsedLine& p, int column) {
  return column > 0 ? p.lyric_column + column - 1 : p.lyric_column;
}

// G2P of every parsed line; a failing line keeps only its end-of-line token.
void convert_lines(const std::vector<ParsedLine>& parsed, lyrics::G2pCache& cache,
                   LyricsAnalysis& out, std::vector<std::vector<int64_t>>& ids) {
  bool g2p_available = true;
  for (const auto& p : parsed) {
    LyricLine line;
    line.line = p.line;
    line.time = p.time;
    line.text = lyrics::to_utf8(p.lyric);
    std::vector<int64_t> line_ids;
    if (g2p_available) {
      try {
        const auto outcome = cache.convert(p.lyric);
        if (outcome.ok) {
          line.phonemes = outcome.result.phonemes;
          line_ids = outcome.result.tokens;
          for (const auto& note : outcome.result.notes)
            add(out, p.line, lyric_column(p, note.column), note.severity, note.code, note.message);
        } else {
          add(out, p.line, lyric_column(p, outcome.error_column),
              severity_of_failure(outcome.error_code), outcome.error_code, outcome.error_message);
        }
      } catch (const Error& e) {
        g2p_available = false;
        add(out, 0, 0, Severity::Error, "g2p-unavailable", e.what());
      }
    }
    line.tokens = static_cast<int>(line_ids.size()) + 1;
    out.lines.push_back(std::move(line));
    ids.push_back(std::move(line_ids));
  }
}

void report_order(const std::vector<ParsedLine>& parsed, LyricsAnalysis& out) {
  for (std::size_t i = 1; i < parsed.size(); ++i) {
    const double prev = parsed[i - 1].time;
    const double now = parsed[i].time;
    if (now < prev)
      add(out, parsed[i].line, parsed[i].stamp_column, Severity::Warning, "out-of-order",
          format("time %.2f s is earlier than the line before (%.2f s): lines are placed in "
                 "file order, so this one follows the previous line",
                 now, prev));
    else if (now == prev)
      add(out, parsed[i].line, parsed[i].stamp_column, Severity::Warning, "duplicate-time",
          format("same time as the line before (%.2f s): this line is sung right after it", now));
  }
}

// Why a line got no frames (time problems point at the timestamp).
void report_dropped(const ParsedLine& parsed, const lyrics::LinePlacement& p, double seconds,
                    LyricsAnalysis& out) {
  const int col = parsed.stamp_column;
  if (std::isnan(parsed.time) || (parsed.time == -INFINITY)) {
    add(out, parsed.line, col, Severity::Warning, "bad-time",
        "timestamp is not a number: line dropped");
  } else if (!p.in_time) {
    add(out, parsed.line, col, Severity::Warning, "past-end",
        format("line at %.2f s starts after the song ends (%.0f s): dropped", parsed.time,
               seconds));
  } else if (p.dropped_last && !parsed.lyric.empty()) {
    // An empty closing stamp is the documented way to keep the last sung line: its own
    // drop costs nothing and is not worth a warning.
    add(out, parsed.line, col, Severity::Warning, "last-line-dropped",
        "the base model (2048 frames) drops the last line before the song end, as the "
        "official DiffRhythm does: add a final line (e.g. an empty [mm:ss.xx]) to keep this one");
  }
}

// Tokens that do not fit: pushed into the next line or cut at the song end. Points at
// the lyric, since that is what the writer shortens.
void report_overflow(const ParsedLine& parsed, const LyricLine& line,
                     const lyrics::LinePlacement& p, bool before_next, LyricsAnalysis& out) {
  const int col = parsed.lyric_column;
  if (line.overflows && before_next)
    add(out, line.line, col, Severity::Warning, "overflow",
        format("line needs %.0f frames but only %.0f fit before the next line: the following "
               "lines are pushed back by %.0f frames",
               line.tokens, line.frames_available, line.tokens - line.frames_available));
  else if (p.length < line.tokens)
    add(out, line.line, col, Severity::Warning, "overflow",
        format("only %.0f of the line's %.0f tokens fit before the song ends: the rest is cut",
               p.length, line.tokens));
}

void report_placement(const std::vector<ParsedLine>& parsed, const FramePlan& plan, double seconds,
                      LyricsAnalysis& out) {
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    LyricLine& line = out.lines[i];
    line.placed = plan.lines[i].placed;
    line.start_frame = plan.lines[i].start;
    report_dropped(parsed[i], plan.lines[i], seconds, out);
  }
  // Frames available: up to the next placed line's timestamp, or the song end.
  int next_gt = plan.end_frame;
  for (std::size_t i = out.lines.size(); i-- > 0;) {
    LyricLine& line = out.lines[i];
    const auto& p = plan.lines[i];
    if (!p.placed) continue;
    line.frames_available = std::max(0, next_gt - p.start);
    line.overflows = line.tokens > line.frames_available;
    report_overflow(parsed[i], line, p, next_gt < plan.end_frame, out);
    next_gt = std::max(p.gt_frame, 0);
  }
}

LyricsSummary summarize(const LyricsAnalysis& a, const FramePlan& plan) {
  LyricsSummary s;
  s.lines = static_cast<int>(a.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    const LyricLine& line = a.lines[i];
    if (!line.placed) continue;
    ++s.lines_placed;
    s.lines_overflowing += line.overflows ? 1 : 0;
    s.total_tokens += line.tokens;
    s.tokens_cut += line.tokens - plan.lines[i].length;
    if (plan.lines[i].length > 0)
      s.last_token_frame =
          std::max(s.last_token_frame, line.start_frame + plan.lines[i].length - 1);
  }
  s.lines_dropped = s.lines - s.lines_placed;
  for (const auto& issue : a.issues) {
    if (issue.severity == Severity::Error) ++s.errors;
    if (issue.severity == Severity::Warning) ++s.warnings;
    if (issue.severity == Severity::Info) ++s.infos;
  }
  s.available_frames = plan.end_frame;
  return s;
}

}  // namespace

int end_frame_for(int max_frames, double seconds) {
  return lyrics::end_frame_for(max_frames, seconds);
}

LyricsAnalysis analyze_lyrics(std::string_view lrc_text, int max_frames, double seconds,
                              const LyricsOptions& options) {
  check_request(max_frames, seconds);
  LyricsAnalysis out;
  report_length(out, max_frames, seconds);
  lyrics::LrcDocument doc = lyrics::parse_lrc(lrc_text);
  out.issues.insert(out.issues.end(), doc.issues.begin(), doc.issues.end());

  std::vector<std::vector<int64_t>> ids;
  std::shared_ptr<const lyrics::LanguageG2p> chinese = options.second_language;
  if (!chinese) chinese = lyrics::zh::shared_chinese_front_end(options.chinese_data_dir);
  const auto cache = lyrics::G2pCache::shared(chinese);
  convert_lines(doc.lines, *cache, out, ids);
  report_order(doc.lines, out);

  std::vector<lyrics::PlacementLine> placement;
  for (std::size_t i = 0; i < doc.lines.size(); ++i)
    placement.push_back({doc.lines[i].time, ids[i]});
  FramePlan plan = lyrics::place_lines(placement, max_frames, seconds);
  report_placement(doc.lines, plan, seconds, out);

  // Document order for the editor: whole-document notes first, then by line and column.
  std::stable_sort(out.issues.begin(), out.issues.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  out.summary = summarize(out, plan);
  out.end_frame = plan.end_frame;
  out.frame_tokens = std::move(plan.frames);
  out.song_duration = static_cast<float>(static_cast<double>(out.end_frame) / max_frames);
  return out;
}

}  // namespace drs
