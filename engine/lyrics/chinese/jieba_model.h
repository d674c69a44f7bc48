#pragma once
// jieba's two models, read from the embedded resource: the prefix dictionary (every
// dict.txt word with its frequency; a prefix of a word counts as known with frequency
// 0, as jieba's FREQ table) and the 4-state B/M/E/S HMM for unknown words.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace drs::lyrics::zh {

class JiebaModel {
 public:
  enum State { B = 0, E = 1, M = 2, S = 3 };  // jieba's state letters, in their sort order

  // The process-wide model, parsed from the embedded resource on first use.
  static const JiebaModel& instance();

  explicit JiebaModel(std::string_view resource);

  // jieba's FREQ.get(word): the frequency of a dictionary word, 0 for a prefix of one,
  // nullopt when unknown. `word` is UTF-8.
  [[nodiscard]] std::optional<std::int64_t> frequency(std::string_view word) const;
  [[nodiscard]] std::int64_t total() const { return total_; }

  [[nodiscard]] double start(int state) const { return start_[state]; }
  // Transition log probability; nullopt for a transition jieba does not list.
  [[nodiscard]] std::optional<double> transition(int from, int to) const;
  // Emission log probability of `c` in `state`; nullopt when the table lacks it.
  [[nodiscard]] std::optional<double> emission(int state, char32_t c) const;

 private:
  struct Word {
    std::string_view text;
    std::int64_t freq = 0;
  };
  std::vector<Word> words_;  // sorted by bytes (the resource's order), views into it
  std::int64_t total_ = 0;
  std::array<double, 4> start_{};
  std::array<std::array<std::optional<double>, 4>, 4> trans_{};
  std::array<std::unordered_map<char32_t, double>, 4> emit_;
};

}  // namespace drs::lyrics::zh
