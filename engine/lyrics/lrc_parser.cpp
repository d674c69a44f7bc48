#include "lyrics/lrc_parser.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "lyrics/char_class.h"
#include "lyrics/python_number.h"
#include "lyrics/utf8.h"

namespace drs::lyrics {
namespace {

constexpr char32_t kBom = 0xFEFF;
constexpr std::size_t kTimeBegin = 1;  // the reference slices line[1:9] ...
constexpr std::size_t kTimeLength = 8;
constexpr std::size_t kLyricBegin = 10;      // ... and line[10:]
constexpr std::size_t kMaxLabelLength = 40;  // longer bracketed text is lyrics, not a label

struct LineView {
  std::u32string_view text;
  int number = 0;       // 1-based line in the file
  int column_base = 0;  // columns cut off before text[0] (leading whitespace of the file)
};

LyricsIssue issue(int line, int column, Severity severity, std::string code, std::string message) {
  return {line, column, severity, std::move(code), std::move(message)};
}

std::string seconds_text(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f s", t);
  return buf;
}

// Python: text.replace("\r\n", "\n").replace("\r", "\n") (universal newlines).
std::u32string universal_newlines(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != U'\r') {
      out.push_back(text[i]);
    } else {
      out.push_back(U'\n');
      if (i + 1 < text.size() && text[i + 1] == U'\n') ++i;
    }
  }
  return out;
}

// int(mins) * 60 + float(secs) from the 8-character field, or nothing.
std::optional<double> parse_time_field(std::u32string_view line) {
  if (line.size() <= kTimeBegin) return std::nullopt;
  const std::u32string_view field = line.substr(kTimeBegin, kTimeLength);
  const auto colon = field.find(U':');
  if (colon == std::u32string_view::npos ||
      field.find(U':', colon + 1) != std::u32string_view::npos)
    return std::nullopt;
  const auto minutes = parse_python_int(field.substr(0, colon));
  const auto secs = parse_python_float(field.substr(colon + 1));
  if (!minutes || !secs) return std::nullopt;
  return static_cast<double>(*minutes * 60) + *secs;
}

// Index of the first character that differs from the canonical "[dd:dd.dd]" form
// (line.size() when it is a prefix), or npos when the stamp is canonical.
std::size_t first_nonstandard(std::u32string_view line) {
  static constexpr std::u32string_view kShape = U"[00:00.00]";
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    if (i >= line.size()) return i;
    const bool ok = kShape[i] == U'0' ? is_ascii_digit(line[i]) : line[i] == kShape[i];
    if (!ok) return i;
  }
  return std::u32string_view::npos;
}

bool is_metadata_tag(std::u32string_view line) {
  if (line.size() < 3 || line[0] != U'[') return false;
  std::size_t i = 1;
  while (i < line.size() && is_ascii_letter(line[i])) ++i;
  return i > 1 && i < line.size() && line[i] == U':';
}

void report_skipped(const LineView& v, std::vector<LyricsIssue>& issues) {
  const std::u32string_view line = v.text;
  const int col = v.column_base + 1;
  if (!line.empty() && line[0] == kBom && parse_time_field(line.substr(1)))
    return;  // see report_bom
  if (strip_spaces(line).empty()) {
    issues.push_back(issue(v.number, 1, Severity::Info, "blank-line", "blank line ignored"));
  } else if (is_metadata_tag(line)) {
    const bool offset = line.substr(1, 7) == U"offset:";
    issues.push_back(issue(v.number, col, offset ? Severity::Warning : Severity::Info,
                           "metadata-tag",
                           offset ? "[offset:] tag ignored: timestamps are used as written"
                                  : "ID tag ignored (title/artist/... are not used)"));
  } else if (line.size() > 1 && (is_ascii_digit(line[1]) || line[1] == U'-' || line[1] == U'+')) {
    const std::size_t bad = first_nonstandard(line);
    issues.push_back(issue(v.number,
                           col + static_cast<int>(bad == std::u32string_view::npos ? 0 : bad),
                           Severity::Warning, "malformed-timestamp",
                           "timestamp not understood, line ignored: write [mm:ss.xx] (two-digit "
                           "minutes, seconds with two decimals)"));
  } else if (line[0] == U'[' && line.find(U']') != std::u32string_view::npos) {
    issues.push_back(issue(v.number, col, Severity::Info, "tag-ignored",
                           "bracketed label without a timestamp ignored"));
  } else {
    issues.push_back(issue(v.number, col, Severity::Warning, "no-timestamp",
                           "line has no [mm:ss.xx] timestamp and is ignored"));
  }
}

// Length of a time tag such as "[00:45.00]" or "<00:12.5>" at text[i] (digits ':' digits,
// optionally '.' or ':' and digits, between `open` and `close`), or 0.
std::size_t time_tag_length(std::u32string_view text, std::size_t i, char32_t open,
                            char32_t close) {
  if (text[i] != open) return 0;
  std::size_t j = i + 1;
  const auto digits = [&] {
    const std::size_t from = j;
    while (j < text.size() && is_ascii_digit(text[j])) ++j;
    return j > from;
  };
  if (!digits() || j >= text.size() || text[j] != U':') return 0;
  ++j;
  if (!digits()) return 0;
  if (j < text.size() && (text[j] == U'.' || text[j] == U':')) {
    ++j;
    if (!digits()) return 0;
  }
  return j < text.size() && text[j] == close ? j + 1 - i : 0;
}

// Length of a short bracketed label with a letter ("[Chorus]", "[Verse 1]") at text[i], or 0.
std::size_t label_length(std::u32string_view text, std::size_t i) {
  if (text[i] != U'[') return 0;
  const auto close = text.find_first_of(U"[]", i + 1);
  if (close == std::u32string_view::npos || text[close] != U']' || close - i - 1 > kMaxLabelLength)
    return 0;
  const auto inner = text.substr(i + 1, close - i - 1);
  const auto letter = [](char32_t c) { return is_word_char(c) && !decimal_value(c); };
  return std::any_of(inner.begin(), inner.end(), letter) ? close + 1 - i : 0;
}

// The first occurrence of one kind of LRC markup in a lyric, and how many there are.
struct Markup {
  std::size_t offset = 0;
  std::size_t length = 0;
  int count = 0;
  void add(std::size_t at, std::size_t n) {
    if (count++ > 0) return;
    offset = at;
    length = n;
  }
};

void report_markup(const ParsedLine& parsed, const Markup& m, const char* code,
                   const std::string& what, std::vector<LyricsIssue>& issues) {
  if (m.count == 0) return;
  const std::u32string_view lyric = parsed.lyric;
  std::string message = "\"" + to_utf8(lyric.substr(m.offset, m.length)) + "\" " + what;
  if (m.count > 1) message += " (" + std::to_string(m.count) + " on this line)";
  issues.push_back(issue(parsed.line, parsed.lyric_column + static_cast<int>(m.offset),
                         Severity::Warning, code, std::move(message)));
}

// Extended LRC forms the official parser does not understand. It reads one timestamp
// per line and sings everything after it, so these only get a warning: the tokens
// stay exactly what the model was trained on.
void report_unread_markup(const ParsedLine& parsed, std::vector<LyricsIssue>& issues) {
  const std::u32string_view lyric = parsed.lyric;
  Markup stamps, word_tags, labels;
  for (std::size_t i = 0; i < lyric.size();) {
    std::size_t n = 0;
    if ((n = time_tag_length(lyric, i, U'[', U']')) > 0)
      stamps.add(i, n);
    else if ((n = time_tag_length(lyric, i, U'<', U'>')) > 0)
      word_tags.add(i, n);
    else if ((n = label_length(lyric, i)) > 0)
      labels.add(i, n);
    i += std::max<std::size_t>(n, 1);
  }
  report_markup(parsed, stamps, "extra-timestamp",
                "is a second timestamp: the official parser reads only the first one and "
                "sings this one as part of the lyric (its digits as number words); write "
                "the line once for each time",
                issues);
  report_markup(parsed, word_tags, "word-timing",
                "is a word timing tag (enhanced LRC): the official parser does not read it "
                "and sings it as part of the lyric (its digits as number words); remove "
                "the <mm:ss.xx> tags",
                issues);
  report_markup(parsed, labels, "section-label",
                "looks like a section label: the official parser sings its words as lyrics; "
                "put the label on a line of its own without a timestamp (it is then "
                "ignored), or drop the brackets if it is meant to be sung",
                issues);
}

void parse_line(const LineView& v, LrcDocument& doc) {
  const std::u32string_view line = v.text;
  const auto time = parse_time_field(line);
  if (!time) {
    report_skipped(v, doc.issues);
    return;
  }
  const std::u32string_view rest =
      line.size() > kLyricBegin ? line.substr(kLyricBegin) : std::u32string_view{};
  const std::u32string_view lyric = strip_spaces(rest);
  ParsedLine parsed;
  parsed.line = v.number;
  parsed.stamp_column = v.column_base + 1;
  parsed.time = *time;
  parsed.lyric = std::u32string(lyric);
  parsed.lyric_column = v.column_base + static_cast<int>(kLyricBegin) + 1 +
                        static_cast<int>(lyric.empty() ? 0 : lyric.data() - rest.data());
  if (const auto bad = first_nonstandard(line); bad != std::u32string_view::npos)
    doc.issues.push_back(issue(v.number, v.column_base + static_cast<int>(bad) + 1,
                               Severity::Warning, "nonstandard-timestamp",
                               "timestamp is not in [mm:ss.xx] form; read like the official "
                               "parser as " +
                                   seconds_text(*time) + " with the lyric starting at column " +
                                   std::to_string(v.column_base + kLyricBegin + 1)));
  report_unread_markup(parsed, doc.issues);
  doc.lines.push_back(std::move(parsed));
}

void report_bom(std::u32string_view first_line, std::vector<LyricsIssue>& issues) {
  if (parse_time_field(first_line.substr(1)))
    issues.push_back(issue(1, 1, Severity::Warning, "bom-hides-line",
                           "the file starts with a UTF-8 byte order mark (BOM): like the "
                           "official DiffRhythm, this first line is not read; save the file "
                           "without BOM to keep it"));
  else
    issues.push_back(issue(1, 1, Severity::Info, "bom", "UTF-8 byte order mark at the start"));
}

std::pair<int, int> line_and_column(std::u32string_view prefix) {
  const std::u32string text = universal_newlines(prefix);
  int line = 1;
  int column = 1;
  for (char32_t c : text) {
    if (c == U'\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

LrcDocument parse_lrc(std::string_view bytes) {
  LrcDocument doc;
  const Utf8Decoded decoded = decode_utf8(bytes);
  if (decoded.error_offset) {
    const auto [line, column] = line_and_column(decoded.text);
    doc.readable = false;
    doc.issues.push_back(issue(line, column, Severity::Error, "invalid-utf8",
                               "the file is not valid UTF-8 (first bad byte at offset " +
                                   std::to_string(*decoded.error_offset) + ": " +
                                   std::string(decoded.error_reason) + "); save it as UTF-8"));
    return doc;
  }
  const std::u32string text = universal_newlines(decoded.text);
  const bool has_bom = !text.empty() && text.front() == kBom;

  // The reference strips the whole text before splitting it into lines.
  std::size_t begin = 0;
  while (begin < text.size() && is_space_char(text[begin])) ++begin;
  if (begin == text.size()) return doc;  // no lyrics: an instrumental song
  std::size_t end = text.size();
  while (is_space_char(text[end - 1])) --end;

  LineView view;
  view.number = 1;
  for (std::size_t i = 0; i < begin; ++i) {
    view.column_base = text[i] == U'\n' ? 0 : view.column_base + 1;
    if (text[i] == U'\n') ++view.number;
  }
  const std::u32string_view body = std::u32string_view(text).substr(begin, end - begin);
  std::size_t start = 0;
  while (start <= body.size()) {
    const auto nl = body.find(U'\n', start);
    const std::size_t stop = nl == std::u32string_view::npos ? body.size() : nl;
    view.text = body.substr(start, stop - start);
    if (has_bom && view.number == 1) report_bom(view.text, doc.issues);
    parse_line(view, doc);
    ++view.number;
    view.column_base = 0;
    if (nl == std::u32string_view::npos) break;
    start = nl + 1;
  }
  return doc;
}

}  // namespace drs::lyrics
