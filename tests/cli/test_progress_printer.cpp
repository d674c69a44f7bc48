// The CLI's progress: the decoding ETA follows the pace of the chunks decoded so far (a
// real VAE takes minutes on a CPU), across takes; logs get one line per step, a
// terminal one line rewritten in place.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "printed_etas.h"
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

// The "eta" of each line a JSON printer writes for `events` of a run of `takes` takes.
std::vector<double> etas(const std::vector<drs::Progress>& events, int takes) {
  return drs::test::printed_etas(events, /*json=*/true, takes);
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

namespace {

// A short run as the engine reports it: blocks inside each step, then the step's end.
std::vector<drs::Progress> sampling_run(int steps, int blocks) {
  std::vector<drs::Progress> events;
  double t = 1.0;
  drs::Progress start;
  start.stage = drs::Stage::Sampling;
  start.steps = steps;
  start.elapsed_seconds = t;
  events.push_back(start);
  for (int step = 0; step < steps; ++step) {
    for (int block = 1; block <= blocks; ++block) {
      drs::Progress p = start;
      p.step = step;
      p.within_step = static_cast<double>(block) / blocks;
      p.elapsed_seconds = t += 1.5;
      events.push_back(p);
    }
    drs::Progress done = start;
    done.step = step + 1;
    done.step_seconds = 1.5 * blocks;
    done.elapsed_seconds = t;
    events.push_back(done);
  }
  drs::Progress finished;
  finished.stage = drs::Stage::Done;
  finished.step = finished.steps = 1;
  finished.elapsed_seconds = t;
  events.push_back(finished);
  return events;
}

std::string printed(drs::cli::ProgressPrinter::Mode mode,
                    const std::vector<drs::Progress>& events) {
  std::FILE* out = std::tmpfile();
  {
    drs::cli::ProgressPrinter printer(out, mode, drs::frontend::RunPriors{});
    for (const auto& p : events) printer(p);
  }
  std::rewind(out);
  std::string text;
  for (int c = std::fgetc(out); c != EOF; c = std::fgetc(out)) text += static_cast<char>(c);
  std::fclose(out);
  return text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(ProgressPrinter, LinesShowEachStepOnce) {
  const auto text = printed(drs::cli::ProgressPrinter::Mode::Lines, sampling_run(3, 4));
  std::printf("%s", text.c_str());
  EXPECT_EQ(count(text, "\n"), 5u);  // the stage's start, three steps, done
  for (const char* step : {"step 0/3", "step 1/3", "step 2/3", "step 3/3"})
    EXPECT_EQ(count(text, step), 1u) << step;
}

TEST(ProgressPrinter, TerminalRewritesOneLine) {
  const auto text = printed(drs::cli::ProgressPrinter::Mode::Terminal, sampling_run(3, 4));
  EXPECT_EQ(count(text, "\n"), 1u);  // ended once, when the run was done
  EXPECT_EQ(text.back(), '\n');
  EXPECT_GE(count(text, "\r"), 8u);  // every block is 1.5 s apart: every event redraws
  EXPECT_NE(text.find("step 2/3"), std::string::npos);
  EXPECT_NE(text.find("[########################]"), std::string::npos);  // full at the end
  EXPECT_NE(text.find("ETA "), std::string::npos);
  EXPECT_NE(text.find("elapsed 19s"), std::string::npos);
}
