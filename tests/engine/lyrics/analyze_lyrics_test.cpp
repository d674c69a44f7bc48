// analyze_lyrics: placement rules, the instrumental-line rule and diagnostics.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "drs/error.h"
#include "drs/lyrics.h"

namespace {

const drs::LyricsIssue* find(const drs::LyricsAnalysis& a, const std::string& code) {
  for (const auto& i : a.issues)
    if (i.code == code) return &i;
  return nullptr;
}

TEST(EndFrame, ModesAndLengths) {
  EXPECT_EQ(drs::end_frame_for(2048, 95), 2048);
  EXPECT_EQ(drs::end_frame_for(6144, 96), 2067);
  EXPECT_EQ(drs::end_frame_for(6144, 120), 2583);
  EXPECT_EQ(drs::end_frame_for(6144, 130), 2799);
  EXPECT_EQ(drs::end_frame_for(6144, 177), 3811);
  EXPECT_EQ(drs::end_frame_for(6144, 285), 6136);
  EXPECT_EQ(drs::end_frame_for(6144, 400), 6144);
}

TEST(Analyze, EmptyLyricLineIsSilentInsteadOfFailing) {
  const std::string with_marker =
      "[00:05.00]Intro words\n[00:20.00]\n[00:30.00]After the break\n[00:40.00]End\n";
  const auto a = drs::analyze_lyrics(with_marker, 6144, 120);
  ASSERT_EQ(a.lines.size(), 4u);
  const auto* issue = find(a, "empty-lyric");
  ASSERT_NE(issue, nullptr);
  EXPECT_EQ(issue->line, 2);
  EXPECT_FALSE(a.has_errors());
  // The marker contributes only its end-of-line token at its own frame (20 s -> 430).
  EXPECT_EQ(a.lines[1].tokens, 1);
  EXPECT_TRUE(a.lines[1].placed);
  EXPECT_EQ(a.lines[1].start_frame, 430);
  EXPECT_EQ(a.frame_tokens[430], 2);
  EXPECT_EQ(a.frame_tokens[431], 0);
  // Every other line is placed exactly as without the marker.
  const auto b = drs::analyze_lyrics(
      "[00:05.00]Intro words\n[00:30.00]After the break\n[00:40.00]End\n", 6144, 120);
  auto without_marker = a.frame_tokens;
  without_marker[430] = 0;
  EXPECT_EQ(without_marker, b.frame_tokens);
}

TEST(Analyze, LineWithoutLettersCountsForTheLastLineRule) {
  // Base mode drops the last kept line in file order: here the symbol-only line.
  const auto a =
      drs::analyze_lyrics("[00:05.00]Hello world\n[00:10.00]Sing along\n[00:20.00]♪ ♪\n", 2048, 95);
  ASSERT_EQ(a.lines.size(), 3u);
  const auto* no_letters = find(a, "no-letters");
  ASSERT_NE(no_letters, nullptr);
  EXPECT_EQ(no_letters->line, 3);
  EXPECT_TRUE(a.lines[1].placed);
  EXPECT_FALSE(a.lines[2].placed);
  const auto* dropped = find(a, "last-line-dropped");
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ(dropped->line, 3);
}

TEST(Analyze, TimeFilterOrderAndOverflowDiagnostics) {
  const auto a = drs::analyze_lyrics(
      "[00:10.00]I was walking down the avenue with a suitcase full of memories\n"
      "[00:10.50]Pushed back line\n[00:09.00]Out of order\n[00:09.00]Same time\n"
      "[02:10.00]Too late\n[01:00.00]Last\n",
      6144, 120);
  EXPECT_NE(find(a, "overflow"), nullptr);
  EXPECT_EQ(find(a, "out-of-order")->line, 3);
  EXPECT_EQ(find(a, "duplicate-time")->line, 4);
  EXPECT_EQ(find(a, "past-end")->line, 5);
  EXPECT_EQ(find(a, "last-line-dropped"), nullptr);  // only in 2048-frame mode
  const auto& first = a.lines[0];
  EXPECT_TRUE(first.overflows);
  EXPECT_EQ(first.frames_available, 11);  // 10 s -> frame 215, 10.5 s -> frame 226
  // Lines never overwrite: the second starts where the first ends.
  EXPECT_EQ(a.lines[1].start_frame, first.start_frame + first.tokens);
  EXPECT_EQ(a.lines[2].start_frame, a.lines[1].start_frame + a.lines[1].tokens);
  EXPECT_FALSE(a.lines[4].placed);
}

TEST(Analyze, ChineseIsReportedAsNotSupported) {
  const auto a =
      drs::analyze_lyrics("[00:01.00]Hello 你好\n[00:03.00]World\n[00:05.00]x\n", 6144, 120);
  const auto* zh = find(a, "unsupported-language");
  ASSERT_NE(zh, nullptr);
  EXPECT_EQ(zh->line, 1);
  EXPECT_EQ(zh->column, 17);
  EXPECT_TRUE(a.has_errors());
  EXPECT_EQ(a.lines[0].tokens, 1);
}

TEST(Analyze, UnknownCharactersAndSpelledLettersAreReported) {
  const auto a = drs::analyze_lyrics("[00:01.00]I'm here ♪\n[00:03.00]Next\n", 6144, 120);
  const auto* ignored = find(a, "ignored-character");
  ASSERT_NE(ignored, nullptr);
  EXPECT_EQ(ignored->line, 1);
  EXPECT_EQ(ignored->column, 20);  // the ♪
  EXPECT_NE(find(a, "spelled-letter"), nullptr);
  EXPECT_EQ(find(a, "unknown-phoneme"), nullptr);
}

TEST(Analyze, ConcurrentCallsAgreeWithASingleThread) {
  const std::string song =
      "[00:01.00]Hello from the first thread\n[00:04.00]K한f breaks espeak state\n"
      "[00:07.00]go home, go home\n[00:10.00]Numbers 1999 and $5.50\n[00:20.00]End\n";
  const auto reference = drs::analyze_lyrics(song, 6144, 120);
  std::vector<std::vector<int64_t>> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      std::string variant =
          song + "[00:3" + std::to_string(t) + ".00]thread " + std::to_string(t) + "\n";
      results[t] = drs::analyze_lyrics(variant, 6144, 120).frame_tokens;
    });
  for (auto& th : threads) th.join();
  for (const auto& r : results)
    EXPECT_TRUE(std::equal(reference.frame_tokens.begin(), reference.frame_tokens.begin() + 600,
                           r.begin()));
}

TEST(Analyze, HugeLinesStayLinear) {
  const std::string digits(200000, '7');
  const std::string song = "[00:01.00]" + digits + "\n[00:02.00]" + std::string(50000, '(') +
                           "x\n[00:03.00]la " + std::string(30000, '1') + "%\n";
  const auto t0 = std::chrono::steady_clock::now();
  const auto a = drs::analyze_lyrics(song, 6144, 120);
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "timing: 280 kB of pathological lyrics analysed in " << ms << " ms\n";
  ASSERT_EQ(a.lines.size(), 3u);
  EXPECT_NE(find(a, "no-letters"), nullptr);  // digits only: silent line
  EXPECT_NE(find(a, "g2p-failed"), nullptr);  // 30000-digit number cannot be spelled
}

TEST(Analyze, BadRequestsThrow) {
  EXPECT_THROW(drs::analyze_lyrics("", 1000, 95), drs::Error);
  EXPECT_THROW(drs::analyze_lyrics("", 6144, -1), drs::Error);
  const auto a = drs::analyze_lyrics("", 2048, 95);
  EXPECT_EQ(a.end_frame, 2048);
  EXPECT_EQ(a.frame_tokens.size(), 2048u);
  EXPECT_FLOAT_EQ(a.song_duration, 1.0f);
}

TEST(Analyze, TimingOfAHundredLineSong) {
  std::string song;
  for (int i = 0; i < 100; ++i) {
    char stamp[16];
    std::snprintf(stamp, sizeof stamp, "[%02d:%02d.%02d]", i * 2 / 60, i * 2 % 60, i % 100);
    song +=
        stamp + std::string("Line number ") + std::to_string(i) + " of the long song, singing on\n";
  }
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const auto cold = drs::analyze_lyrics(song, 6144, 285);
  const auto t1 = clock::now();
  song.replace(song.find("Line number 50"), 14, "Line count 50");  // one keystroke-sized edit
  const auto warm = drs::analyze_lyrics(song, 6144, 285);
  const auto t2 = clock::now();
  const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::cout << "timing: 100-line song, first analysis " << ms(t1 - t0)
            << " ms, after a one-line edit " << ms(t2 - t1) << " ms\n";
  EXPECT_EQ(cold.lines.size(), 100u);
  EXPECT_EQ(warm.lines.size(), 100u);
}

}  // namespace
