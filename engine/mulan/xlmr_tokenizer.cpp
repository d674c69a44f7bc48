#include "mulan/xlmr_tokenizer.h"

namespace drs {

std::vector<int64_t> XlmrTokenizer::encode(std::string_view text, std::size_t max_tokens,
                                           bool* truncated) const {
  const auto pieces = model_.encode(text);
  const std::size_t room = max_tokens >= 2 ? max_tokens - 2 : 0;
  if (truncated) *truncated = pieces.size() > room;
  std::vector<int64_t> ids{kBos};
  for (std::size_t i = 0; i < pieces.size() && i < room; ++i)
    ids.push_back(pieces[i] == model_.unk_id() ? kUnk : int64_t{pieces[i]} + 1);
  ids.push_back(kEos);
  return ids;
}

}  // namespace drs
