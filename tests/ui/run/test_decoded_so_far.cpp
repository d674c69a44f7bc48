// The audio of a run decoded so far, kept when the user cancels during decoding and
// asks to keep it: per take, in order, at the listening gain.
#include <QTest>

#include "ui/run/decoded_so_far.h"

using namespace drs;
using namespace drs::ui;

namespace {

AudioChunk chunk(int take, std::int64_t first, std::int64_t frames, float value, float peak) {
  AudioChunk c;
  c.take = take;
  c.first_frame = first;
  c.total_frames = 1000;
  c.channels = 2;
  c.samples.assign(static_cast<std::size_t>(frames) * 2, value);
  c.peak = peak;
  return c;
}

}  // namespace

class TestDecodedSoFar : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void collectsEachTakeInOrderAtTheListeningGain() {
    DecodedSoFar decoded;
    QVERIFY(decoded.empty());
    decoded.append(chunk(0, 0, 100, 0.5f, 0.5f));    // gain 2
    decoded.append(chunk(0, 100, 50, 0.25f, 1.0f));  // louder later: gain falls to 1
    decoded.append(chunk(1, 0, 20, 0.1f, 0.2f));
    QVERIFY(!decoded.empty());
    QCOMPARE(decoded.seconds(), 170.0 / 44100.0);
    const auto takes = decoded.takes(std::uint64_t{40});
    QCOMPARE(takes.size(), std::size_t{2});
    QCOMPARE(takes[0].frames(), std::size_t{150});
    QCOMPARE(takes[0].audio.front(), 1.0f);
    QCOMPARE(takes[0].audio.back(), 0.25f);
    QCOMPARE(takes[0].seed, std::uint64_t{40});
    QCOMPARE(takes[1].seed, std::uint64_t{41});
    QCOMPARE(takes[1].audio.front(), 0.5f);
  }

  void aTakeStartingAgainReplacesItsAudioAndClearForgetsAll() {
    DecodedSoFar decoded;
    decoded.append(chunk(0, 0, 100, 0.5f, 0.5f));
    decoded.append(chunk(0, 0, 10, 0.5f, 0.5f));  // a new run's take 0
    QCOMPARE(decoded.takes(std::nullopt).front().frames(), std::size_t{10});
    decoded.clear();
    QVERIFY(decoded.empty());
    QVERIFY(decoded.takes(std::nullopt).empty());
  }
};

QTEST_MAIN(TestDecodedSoFar)
#include "test_decoded_so_far.moc"
