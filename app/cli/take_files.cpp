#include "take_files.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <utility>

#include "cli_options.h"
#include "drs/audio_chunk.h"
#include "drs/error.h"

namespace drs::cli {

std::filesystem::path take_path(const std::filesystem::path& out, int take, int takes) {
  if (takes == 1) return out;
  auto name = out.stem().string() + "-" + std::to_string(take + 1) + out.extension().string();
  return out.parent_path() / name;
}

std::filesystem::path partial_path(const std::filesystem::path& take) {
  return take.parent_path() / (take.stem().string() + ".partial" + take.extension().string());
}

TakeFiles::TakeFiles(std::filesystem::path out, int takes, AudioFormat format,
                     std::stop_source& stop)
    : out_(std::move(out)), takes_(takes), format_(format), stop_(stop) {
  streams_.resize(static_cast<std::size_t>(std::max(takes, 1)));
}

void TakeFiles::on_progress(const Progress& p) noexcept {
  if (!p.audio || !error_.empty()) return;
  try {
    append(*p.audio);
  } catch (const std::exception& e) {
    error_ = e.what();
    streams_.clear();  // removes the temporary files
    stop_.request_stop();
  }
}

void TakeFiles::append(const AudioChunk& chunk) {
  if (chunk.take < 0 || chunk.take >= static_cast<int>(streams_.size()))
    throw Error(ErrorKind::Internal, "decoded audio of take " + std::to_string(chunk.take + 1) +
                                         " in a run of " + std::to_string(takes_));
  auto& stream = streams_[static_cast<std::size_t>(chunk.take)];
  if (chunk.first_frame == 0) {
    stream = Stream{};
    stream.file = std::make_unique<StreamingAudioFile>(take_path(out_, chunk.take, takes_),
                                                       chunk.channels, chunk.sample_rate, format_);
    stream.total_frames = chunk.total_frames;
    stream.sample_rate = chunk.sample_rate;
  }
  if (!stream.file || stream.file->frames() != chunk.first_frame)
    throw Error(ErrorKind::Internal, "decoded audio arrived out of order");
  stream.gain = listening_gain(stream.gain, chunk);
  stream.file->append(chunk.samples, stream.gain > 0 ? stream.gain : 1.0f);
}

void TakeFiles::describe_run(GenerationRequest request, TakeOrigin origin) {
  run_.emplace(std::move(request), std::move(origin));
}

std::filesystem::path TakeFiles::commit(const GenerationResult& result, int k) {
  const auto& take = result.takes.at(static_cast<std::size_t>(k));
  const auto path = take_path(out_, k, takes_);
  auto& stream = streams_.at(static_cast<std::size_t>(k));
  if (!stream.file)  // no audio was streamed (nobody listened): write it in one go
    stream.file =
        std::make_unique<StreamingAudioFile>(path, take.channels, take.sample_rate, format_);
  stream.file->commit(take.audio);
  stream.file.reset();
  if (run_)
    write_take_manifest(take_manifest_path(path),
                        describe_take(run_->first, result, k, run_->second, path, format_));
  return path;
}

std::vector<KeptPartial> TakeFiles::keep_partial() {
  std::vector<KeptPartial> kept;
  for (int k = 0; k < static_cast<int>(streams_.size()); ++k) {
    auto& stream = streams_[static_cast<std::size_t>(k)];
    if (!stream.file || stream.file->frames() == 0) continue;
    KeptPartial part{partial_path(take_path(out_, k, takes_)),
                     static_cast<double>(stream.file->frames()) / stream.sample_rate,
                     static_cast<double>(stream.total_frames) / stream.sample_rate};
    stream.file->keep_as(part.path);
    stream.file.reset();
    kept.push_back(std::move(part));
  }
  return kept;
}

int report_cancelled(TakeFiles& files, bool keep_partial) {
  if (!keep_partial) {
    std::fprintf(stderr, "cancelled; nothing was written\n");
    return kCancelled;
  }
  const auto kept = files.keep_partial();
  if (kept.empty())
    std::fprintf(stderr, "cancelled before any audio was decoded; nothing was written\n");
  for (const auto& part : kept)
    std::fprintf(stderr,
                 "cancelled while decoding; kept the first %.1f s of %.1f s as %s (a partial "
                 "take at the listening level, not peak-normalised)\n",
                 part.seconds, part.total_seconds, part.path.c_str());
  return kCancelled;
}

}  // namespace drs::cli
