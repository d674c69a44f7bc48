#include "journal_bench.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "pipeline/run_journal.h"

namespace drs::bench {

nlohmann::json bench_journal_write(int64_t frames, int takes, int repeats) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("drs-bench-journal-" + std::to_string(::getpid()));
  SampleInputs inputs;
  inputs.cond = at::randn({1, frames, 64});
  inputs.text = at::zeros({1, frames}, at::kLong);
  inputs.style = at::randn({1, 512});
  inputs.negative_style = at::randn({1, 512});
  inputs.start_time = at::zeros({1});
  inputs.song_duration = at::full({1}, 95.0);
  inputs.segments = {{0, frames}};
  const auto state = at::randn({takes, frames, 64});
  GenerationRequest request;
  request.lyrics = std::string(4000, 'x');  // a long song's LRC
  request.takes = takes;
  RunIdentity identity;
  auto header = new_journal_header(identity, request, 1, inputs);
  auto file = journal_file_for(dir, header);
  RunJournalWriter writer(std::move(file), std::move(header), inputs);
  std::filesystem::create_directories(dir);
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    writer.record(i, state);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  const auto bytes = std::filesystem::file_size(writer.file());
  std::filesystem::remove_all(dir);
  return {{"frames", frames},
          {"takes", takes},
          {"bytes", bytes},
          {"write_ms_median", ms[ms.size() / 2]},
          {"write_ms_max", ms.back()},
          {"error", writer.warning()}};
}

}  // namespace drs::bench
