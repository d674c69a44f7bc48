// Golden test: every g2p_lines fixture case through our line G2P, compared with the
// official phoneme string and token ids (or the official failure).
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "lyrics/english_normalizer.h"
#include "lyrics/line_g2p.h"
#include "lyrics/utf8.h"
#include "support/reference.h"

namespace {

using drs::lyrics::G2pError;
using drs::lyrics::LineG2p;

std::string join(const std::vector<int64_t>& ids) {
  std::ostringstream out;
  for (auto id : ids) out << id << ' ';
  return out.str();
}

struct Outcome {
  bool failed = false;
  std::string phonemes;
  std::vector<int64_t> tokens;
  std::string error;
};

Outcome run(const LineG2p& g2p, const std::string& text) {
  Outcome o;
  try {
    auto r = g2p.convert(drs::lyrics::to_u32(text));
    o.phonemes = r.phonemes;
    o.tokens = r.tokens;
  } catch (const G2pError& e) {
    o.failed = true;
    o.error = e.code() + ": " + e.what();
  } catch (const drs::Error& e) {
    o.failed = true;
    o.error = std::string("error: ") + e.what();
  }
  return o;
}

// Cases of the Chinese set (`language` zh or mixed) need the Chinese front end; until it
// exists our defined behaviour is a clean refusal of the line (unsupported-language).
bool needs_chinese(const nlohmann::json& c) {
  const std::string language = c.value("language", "");
  return language == "zh" || language == "mixed";
}

TEST(GoldenLines, MatchOfficialPhonemesAndTokens) {
  const auto fixtures = drs::test::find_fixtures("g2p_lines");
  ASSERT_FALSE(fixtures.empty()) << "no g2p_lines fixture under " << drs::test::reference_dir();
  const LineG2p g2p;
  std::size_t total = 0;
  std::size_t phoneme_ok = 0;
  std::size_t token_ok = 0;
  std::size_t exact = 0;
  std::size_t chinese = 0, chinese_refused = 0;
  std::vector<Outcome> forward;
  for (const auto& fixture : fixtures) {
    for (const auto& c : fixture.json.at("cases")) {
      const std::string text = c.at("text");
      const Outcome got = run(g2p, text);
      forward.push_back(got);
      if (needs_chinese(c)) {
        ++chinese;
        const bool refused = got.failed && got.error.rfind("unsupported-language", 0) == 0;
        chinese_refused += refused;
        if (!refused)
          std::cout << "MISMATCH " << fixture.name() << ":" << c.value("id", "?") << " text=["
                    << text << "]: a Chinese line must be refused (no Chinese front end), got "
                    << (got.failed ? got.error : got.phonemes) << "\n";
        continue;
      }
      ++total;
      const bool want_error = c.contains("error");
      bool ph = false;
      bool tok = false;
      if (want_error) {
        ph = tok = got.failed;
      } else if (!got.failed) {
        ph = got.phonemes == c.at("phonemes").get<std::string>();
        tok = got.tokens == c.at("tokens").get<std::vector<int64_t>>();
      }
      phoneme_ok += ph;
      token_ok += tok;
      exact += ph && tok;
      if (ph && tok) continue;
      std::cout << "MISMATCH " << fixture.name() << ":" << c.value("id", "?") << " text=[" << text
                << "]\n";
      if (want_error) {
        std::cout << "  want error: " << c.at("error").dump() << "\n  got: " << got.phonemes
                  << "\n";
        continue;
      }
      std::cout << "  want: " << c.at("phonemes").get<std::string>()
                << "\n  got:  " << (got.failed ? got.error : got.phonemes)
                << "\n  want ids: " << join(c.at("tokens").get<std::vector<int64_t>>())
                << "\n  got ids:  " << join(got.tokens) << "\n";
      if (c.contains("debug")) {
        const auto norm =
            drs::lyrics::to_utf8(drs::lyrics::normalize_english(drs::lyrics::to_u32(text)));
        std::cout << "  want normalized: [" << c["debug"].value("normalized_text", "")
                  << "]\n  got normalized:  [" << norm << "]\n";
      }
    }
  }
  // espeak-ng keeps global state: the same cases in reverse order must give the same
  // results (no dependence on what was converted before).
  std::size_t order_dependent = 0;
  std::size_t k = forward.size();
  for (auto f = fixtures.rbegin(); f != fixtures.rend(); ++f) {
    const auto& cases = f->json.at("cases");
    for (auto c = cases.rbegin(); c != cases.rend(); ++c) {
      const Outcome again = run(g2p, c->at("text"));
      const Outcome& first = forward.at(--k);
      order_dependent += again.failed != first.failed || again.phonemes != first.phonemes ||
                         again.tokens != first.tokens;
    }
  }
  EXPECT_EQ(order_dependent, 0u);

  const double rate = total ? static_cast<double>(exact) / static_cast<double>(total) : 0;
  std::cout << "g2p lines: " << exact << "/" << total << " exact (" << rate * 100
            << "%), phoneme strings " << phoneme_ok << "/" << total << ", token ids " << token_ok
            << "/" << total << "\n";
  EXPECT_GE(rate, 0.995);
  std::cout << "g2p lines needing the Chinese front end: " << chinese_refused << "/" << chinese
            << " refused cleanly (unsupported-language)\n";
  EXPECT_EQ(chinese_refused, chinese);
}

}  // namespace
