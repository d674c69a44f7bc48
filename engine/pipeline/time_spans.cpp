// parse_time_spans / format_time_spans (drs/song_edit.h): a small hand-written
// reader, so every error can name its column.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "drs/error.h"
#include "drs/song_edit.h"

namespace drs {
namespace {

std::string shortest(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

class SpanReader {
 public:
  explicit SpanReader(std::string_view text) : text_(text) {}

  std::vector<TimeSpan> read() {
    expect('[', "'[' to open the list of spans");
    std::vector<TimeSpan> spans;
    if (peek() == ']') fail("no span given: write e.g. [[10,20]]");
    for (;;) {
      spans.push_back(read_span(spans.size() + 1));
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect(']', "',' or ']' after a span");
      break;
    }
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the list");
    return spans;
  }

 private:
  TimeSpan read_span(std::size_t index) {
    expect('[', "'[' to open span " + std::to_string(index));
    const std::size_t start_column = column();
    TimeSpan span;
    span.start = read_time();
    expect(',', "',' between the start and the end of span " + std::to_string(index));
    span.end = read_time();
    expect(']', "']' to close span " + std::to_string(index) + " (a span is [start,end])");
    if (span.start >= 0 && span.end >= 0 && span.end <= span.start)
      fail_at(start_column, "span " + std::to_string(index) + " [" + shortest(span.start) + "," +
                                shortest(span.end) +
                                "] is empty: its end must come after its start");
    return span;
  }

  // A number of seconds, m:ss(.xx), or -1; optionally in double quotes.
  double read_time() {
    skip_space();
    const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
    if (quoted) ++pos_;
    const std::size_t at = column();
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && is_time_char(text_[pos_])) ++pos_;
    const auto token = text_.substr(begin, pos_ - begin);
    if (token.empty()) fail("a time (seconds, m:ss, or -1) was expected");
    const double value = time_value(token, at);
    if (quoted) expect('"', "'\"' to close the quoted time");
    return value;
  }

  double time_value(std::string_view token, std::size_t at) const {
    const auto colon = token.find(':');
    if (colon == std::string_view::npos) {
      const double seconds = real(token, at);
      if (seconds < 0 && seconds != -1)
        fail_at(at, "negative time " + std::string(token) +
                        " (only -1, meaning the song's start or end, may be negative)");
      return seconds;
    }
    const auto minutes_text = token.substr(0, colon), seconds_text = token.substr(colon + 1);
    unsigned minutes = 0;
    const auto [end, ec] =
        std::from_chars(minutes_text.data(), minutes_text.data() + minutes_text.size(), minutes);
    if (minutes_text.empty() || ec != std::errc() ||
        end != minutes_text.data() + minutes_text.size())
      fail_at(at, "'" + std::string(token) + "' is not a time: minutes must be a whole number");
    if (seconds_text.size() < 2 || !std::isdigit(static_cast<unsigned char>(seconds_text[0])) ||
        !std::isdigit(static_cast<unsigned char>(seconds_text[1])))
      fail_at(at, "'" + std::string(token) + "' is not a time: write m:ss or m:ss.xx");
    const double seconds = real(seconds_text, at + colon + 1);
    if (seconds >= 60)
      fail_at(at, "'" + std::string(token) + "' is not a time: seconds must be below 60");
    return minutes * 60.0 + seconds;
  }

  double real(std::string_view token, std::size_t at) const {
    const std::string copy(token);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || copy.empty())
      fail_at(at, "'" + copy + "' is not a number");
    if (!std::isfinite(value)) fail_at(at, "'" + copy + "' is not a finite number");
    return value;
  }

  static bool is_time_char(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '-' ||
           c == '+' || c == 'e' || c == 'E';
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  char peek() {
    skip_space();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  void expect(char c, const std::string& what) {
    if (peek() != c) fail(what + " was expected");
    ++pos_;
  }
  [[nodiscard]] std::size_t column() const { return pos_ + 1; }
  [[noreturn]] void fail(const std::string& message) const { fail_at(column(), message); }
  [[noreturn]] void fail_at(std::size_t at, const std::string& message) const {
    const auto found = at <= text_.size() ? "'" + std::string(1, text_[at - 1]) + "'" : "the end";
    throw Error(ErrorKind::BadInput,
                "edit segments, column " + std::to_string(at) + " (at " + found + "): " + message);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<TimeSpan> parse_time_spans(std::string_view text) {
  return SpanReader(text).read();
}

std::string format_time_spans(const std::vector<TimeSpan>& spans) {
  std::string out = "[";
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out += ',';
    out += '[' + shortest(spans[i].start) + ',' + shortest(spans[i].end) + ']';
  }
  return out + ']';
}

}  // namespace drs
