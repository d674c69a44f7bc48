#include "lyrics/chinese/jieba_model.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "drs/error.h"
#include "lyrics/chinese/jieba_data.h"

namespace drs::lyrics::zh {
namespace {

// Line reader over the resource; any format problem is a build defect, so it throws.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  std::string_view next() {
    if (pos_ >= text_.size()) fail("unexpected end");
    const std::size_t end = text_.find('\n', pos_);
    const std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end == std::string_view::npos ? text_.size() : end + 1;
    return line;
  }
  [[noreturn]] static void fail(const std::string& what) {
    throw Error(ErrorKind::Internal, "embedded jieba data is corrupt: " + what);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= line.size()) {
    const std::size_t end = std::min(line.find(' ', start), line.size());
    out.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::int64_t to_int(std::string_view s) {
  std::int64_t v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) Lines::fail("bad number");
  return v;
}

// The resource holds Python repr() of doubles, which strtod reads back exactly.
double to_double(std::string_view s) {
  const std::string copy(s);
  char* end = nullptr;
  const double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) Lines::fail("bad float " + copy);
  return v;
}

int state_of(std::string_view s) {
  static constexpr std::string_view kLetters = "BEMS";
  const auto i = kLetters.find(s);
  if (s.size() != 1 || i == std::string_view::npos) Lines::fail("bad state");
  return static_cast<int>(i);
}

}  // namespace

const JiebaModel& JiebaModel::instance() {
  static const JiebaModel model(jieba_resource());
  return model;
}

JiebaModel::JiebaModel(std::string_view resource) {
  Lines lines(resource);
  if (lines.next() != "DRSJIEBA 1") Lines::fail("header");
  total_ = to_int(fields(lines.next()).at(1));
  const auto n = static_cast<std::size_t>(to_int(fields(lines.next()).at(1)));
  words_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view line = lines.next();
    const std::size_t space = line.rfind(' ');
    if (space == std::string_view::npos) Lines::fail("word line");
    words_.push_back({line.substr(0, space), to_int(line.substr(space + 1))});
  }
  if (!std::is_sorted(words_.begin(), words_.end(),
                      [](const Word& a, const Word& b) { return a.text < b.text; }))
    Lines::fail("words not sorted");
  const auto start = fields(lines.next());
  for (int s = 0; s < 4; ++s) start_[s] = to_double(start.at(s + 1));
  std::string_view line = lines.next();
  while (line.starts_with("trans ")) {
    const auto f = fields(line);
    trans_.at(state_of(f.at(1))).at(state_of(f.at(2))) = to_double(f.at(3));
    line = lines.next();
  }
  for (int k = 0; k < 4; ++k) {
    if (k > 0) line = lines.next();
    const auto f = fields(line);
    if (f.at(0) != "emit") Lines::fail("emit section");
    auto& table = emit_.at(state_of(f.at(1)));
    const auto count = to_int(f.at(2));
    for (std::int64_t i = 0; i < count; ++i) {
      const auto e = fields(lines.next());
      table.emplace(static_cast<char32_t>(to_int(e.at(0))), to_double(e.at(1)));
    }
  }
}

std::optional<std::int64_t> JiebaModel::frequency(std::string_view word) const {
  const auto it =
      std::lower_bound(words_.begin(), words_.end(), word,
                       [](const Word& w, std::string_view key) { return w.text < key; });
  if (it == words_.end() || !it->text.starts_with(word)) return std::nullopt;
  return it->text == word ? it->freq : 0;
}

std::optional<double> JiebaModel::transition(int from, int to) const {
  return trans_.at(from).at(to);
}

std::optional<double> JiebaModel::emission(int state, char32_t c) const {
  const auto& table = emit_.at(state);
  if (auto it = table.find(c); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace drs::lyrics::zh
