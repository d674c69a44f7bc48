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

TEST(Analyze, DiagnosticsPointAtTheirCause) {
  // Time problems point at the timestamp, text problems at the first lyric character.
  const auto a = drs::analyze_lyrics(
      "\n  [00:10.00]I was walking down the avenue with a suitcase full of memories\n"
      "[00:10.50]  Pushed back\n[00:09.00]Out of order\n\n[00:09.00]Same time\n"
      "[02:10.00]Too late\n[00:nan  ]Not a time\n[01:00.00]\n[01:50.00]The end of the song goes "
      "on and on and on past the end of it all\n",
      6144, 120);
  const auto at = [&](const std::string& code) {
    const auto* issue = find(a, code);
    EXPECT_NE(issue, nullptr) << code;
    return issue ? std::pair{issue->line, issue->column} : std::pair{0, 0};
  };
  EXPECT_EQ(at("overflow"), (std::pair{2, 13}));  // after the file's leading "  "
  EXPECT_EQ(at("out-of-order"), (std::pair{4, 1}));
  EXPECT_EQ(at("blank-line"), (std::pair{5, 1}));
  EXPECT_EQ(at("duplicate-time"), (std::pair{6, 1}));
  EXPECT_EQ(at("past-end"), (std::pair{7, 1}));
  EXPECT_EQ(at("bad-time"), (std::pair{8, 1}));
  EXPECT_EQ(at("empty-lyric"), (std::pair{9, 11}));
  for (const auto& issue : a.issues) {
    if (issue.line > 0) {
      EXPECT_GE(issue.column, 1) << issue.code;
    }
  }

  // Only the file's first line can start further right (the official parser strips the
  // text as a whole, not each line).
  const auto base = drs::analyze_lyrics("  [00:20.00]Only line\n", 2048, 95);
  const auto* dropped = find(base, "last-line-dropped");
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ(dropped->column, 3);
}

TEST(Analyze, UnreadLrcMarkupIsSungLiterallyAndReported) {
  const std::string song =
      "[00:10.00][00:45.00]Hello there\n[00:12.00]<00:12.00>Hello <00:12.50>world\n"
      "[00:20.00][Chorus] Sing it\n[00:30.00]Plain line (with parentheses) [x\n"
      "[00:40.00]End\n";
  const auto a = drs::analyze_lyrics(song, 6144, 120);
  const auto* stamp = find(a, "extra-timestamp");
  ASSERT_NE(stamp, nullptr);
  EXPECT_EQ(stamp->line, 1);
  EXPECT_EQ(stamp->column, 11);
  EXPECT_EQ(stamp->severity, drs::Severity::Warning);
  EXPECT_NE(stamp->message.find("[00:45.00]"), std::string::npos) << stamp->message;
  const auto* word = find(a, "word-timing");
  ASSERT_NE(word, nullptr);
  EXPECT_EQ(word->line, 2);
  EXPECT_EQ(word->column, 11);
  EXPECT_NE(word->message.find("2 on this line"), std::string::npos) << word->message;
  const auto* label = find(a, "section-label");
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->line, 3);
  EXPECT_EQ(label->column, 11);
  EXPECT_NE(label->message.find("[Chorus]"), std::string::npos) << label->message;
  int markup = 0;
  for (const auto& issue : a.issues)
    markup += issue.code == "extra-timestamp" || issue.code == "word-timing" ||
              issue.code == "section-label";
  EXPECT_EQ(markup, 3);  // nothing for "(...)" or an unclosed '['

  // Tokens are untouched: the markup stays in the text the model gets, like the official.
  EXPECT_EQ(a.lines[0].text, "[00:45.00]Hello there");
  EXPECT_EQ(a.lines[2].text, "[Chorus] Sing it");
  const auto plain = drs::analyze_lyrics("[00:10.00]Hello there\n[00:20.00]Sing it\n", 6144, 120);
  EXPECT_GT(a.lines[0].tokens, plain.lines[0].tokens);
  EXPECT_GT(a.lines[2].tokens, plain.lines[1].tokens);
}

TEST(Analyze, SummaryForTheEditorStatusLine) {
  const auto a = drs::analyze_lyrics(
      "[ti:Song]\n[00:10.00]I was walking down the avenue with a suitcase full of memories\n"
      "[00:10.50]Pushed back\n[02:10.00]Too late\n[00:20.00]\n",
      6144, 120);
  const drs::LyricsSummary& s = a.summary;
  EXPECT_EQ(s.lines, 4);
  EXPECT_EQ(s.lines_placed, 3);
  EXPECT_EQ(s.lines_dropped, 1);
  EXPECT_EQ(s.lines_overflowing, 1);
  EXPECT_EQ(s.total_tokens, a.lines[0].tokens + a.lines[1].tokens + 1);
  EXPECT_EQ(s.tokens_cut, 0);
  EXPECT_EQ(s.last_token_frame, a.lines[3].start_frame);  // the silent line's end token
  EXPECT_EQ(s.available_frames, a.end_frame);
  int errors = 0, warnings = 0, infos = 0;
  for (const auto& issue : a.issues) {
    errors += issue.severity == drs::Severity::Error;
    warnings += issue.severity == drs::Severity::Warning;
    infos += issue.severity == drs::Severity::Info;
  }
  EXPECT_EQ(s.errors, errors);
  EXPECT_EQ(s.warnings, warnings);
  EXPECT_EQ(s.infos, infos);
  EXPECT_GE(s.warnings, 2);  // overflow, past-end
  EXPECT_GE(s.infos, 2);     // metadata tag, empty lyric

  // A line running past the song end is cut: the summary says by how much.
  const auto cut =
      drs::analyze_lyrics("[01:35.90]" + std::string(40, 'a') + " b c d e f\n", 6144, 96);
  EXPECT_EQ(cut.summary.lines_placed, 1);
  EXPECT_GT(cut.summary.tokens_cut, 0);
  EXPECT_EQ(cut.summary.last_token_frame, cut.end_frame - 1);
  EXPECT_EQ(drs::analyze_lyrics("", 6144, 120).summary.last_token_frame, -1);
}

TEST(Analyze, ChineseWithoutItsDataSaysHowToInstallIt) {
  const std::string song = "[00:01.00]Hello 你好\n[00:03.00]World\n[00:05.00]x\n";
  drs::LyricsOptions nowhere;
  nowhere.chinese_data_dir = "/nonexistent/chinese-lyrics";
  for (const auto& options : {drs::LyricsOptions{}, nowhere}) {
    const auto a = drs::analyze_lyrics(song, 6144, 120, options);
    const auto* zh = find(a, "chinese-data-missing");
    ASSERT_NE(zh, nullptr);
    EXPECT_EQ(zh->line, 1);
    EXPECT_EQ(zh->column, 17);
    EXPECT_NE(zh->message.find("diffrhythm-cli models download chinese-lyrics"), std::string::npos)
        << zh->message;
    EXPECT_TRUE(a.has_errors());
    EXPECT_EQ(a.lines[0].tokens, 1);  // the line is silent, the others unchanged
    EXPECT_EQ(a.lines[1].phonemes, "w|ɜː|l|d|");
  }
  // English lines never need it.
  EXPECT_FALSE(drs::analyze_lyrics("[00:01.00]World\n", 6144, 120, nowhere).has_errors());
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

// The documented fix for the 2048-frame last-line drop (an empty closing stamp) keeps
// the last sung line and is itself dropped without a warning.
TEST(Analyze, EmptyClosingStampKeepsTheLastLineWithoutAWarning) {
  const auto a =
      drs::analyze_lyrics("[00:05.00]Hello world\n[00:10.00]Sing along\n[00:20.00]\n", 2048, 95);
  ASSERT_EQ(a.lines.size(), 3u);
  EXPECT_TRUE(a.lines[1].placed);
  EXPECT_FALSE(a.lines[2].placed);
  EXPECT_EQ(find(a, "last-line-dropped"), nullptr);
}
