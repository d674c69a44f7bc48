// Stands in for the future Chinese front end, to check how runs are joined and how a
// second-language front end is plugged in.
#pragma once

#include <atomic>

#include "lyrics/g2p.h"

namespace drs::test {

class FakeChinese final : public lyrics::LanguageG2p {
 public:
  [[nodiscard]] lyrics::G2pResult convert(std::u32string_view, int) const override {
    ++calls_;
    return {"n|i↑", {46, 272}, {}};
  }
  [[nodiscard]] int calls() const { return calls_; }

 private:
  mutable std::atomic<int> calls_ = 0;
};

}  // namespace drs::test
