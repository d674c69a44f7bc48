// The CLI's progress lines: the decoding ETA follows the pace of the chunks decoded so
// far (a real VAE takes minutes on a CPU), across takes.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "progress_printer.h"

namespace {

drs::Progress decoding(int chunk, int chunks, int take, double elapsed) {
  drs::Progress p;
  p.stage = drs::Stage::Decoding;
  p.step = chunk;
  p.steps = chunks;
  p.take = take;
  p.elapsed_seconds = elapsed;
  return p;
}

// Feeds events to a JSON printer and returns the "eta" of each line.
std::vector<double> etas(const std::vector<drs::Progress>& events, int takes) {
  std::FILE* out = std::tmpfile();
  drs::cli::ProgressPrinter printer(out, /*json=*/true, takes);
  for (const auto& p : events) printer(p);
  std::rewind(out);
  std::vector<double> result;
  char line[1024];
  while (std::fgets(line, sizeof line, out))
    result.push_back(nlohmann::json::parse(line).at("eta").get<double>());
  std::fclose(out);
  return result;
}

}  // namespace

TEST(ProgressPrinter, DecodingEtaFollowsTheChunkPace) {
  // Sampling took 600 s; decoding starts at 600 s and each chunk takes 10 s.
  const auto one_take = etas({decoding(0, 4, 0, 600), decoding(1, 4, 0, 610)}, 1);
  ASSERT_EQ(one_take.size(), 2u);
  EXPECT_NEAR(one_take[1], 30.0, 1e-9);  // 3 chunks left at 10 s

  const auto two_takes =
      etas({decoding(0, 4, 0, 600), decoding(2, 4, 0, 620), decoding(1, 4, 1, 650)}, 2);
  ASSERT_EQ(two_takes.size(), 3u);
  EXPECT_NEAR(two_takes[1], 60.0, 1e-9);  // 6 of 8 chunks left at 10 s
  EXPECT_NEAR(two_takes[2], 30.0, 1e-9);  // 5 done in 50 s, 3 left
}
