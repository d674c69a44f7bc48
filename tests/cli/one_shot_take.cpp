// A take generated through drs::Engine and written in one go with write_audio_file, as
// diffrhythm-cli wrote every take before it streamed them: the reference its streamed
// files are compared with. Tuned at start like the CLI (same BLAS core, same threads).
//   drs-test-one-shot-take MODELS LYRICS.lrc STYLE STEPS CFG SEED OUT.wav
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "drs/audio_file.h"
#include "drs/engine.h"
#include "drs/presets.h"
#include "drs/process_tuning.h"

int main(int argc, char** argv) {
  drs::tune_process(argv);
  if (argc != 8) {
    std::fprintf(stderr, "usage: %s MODELS LYRICS STYLE STEPS CFG SEED OUT\n", argv[0]);
    return 2;
  }
  drs::Engine engine(drs::EngineOptions{.model_dir = argv[1]});
  drs::GenerationRequest request;
  std::ifstream lyrics(argv[2], std::ios::binary);
  request.lyrics.assign(std::istreambuf_iterator<char>(lyrics), {});
  request.style = argv[3];
  request.sampling = drs::find_preset("best")->sampling;
  request.sampling.grid_points = std::stoi(argv[4]) + 1;
  request.sampling.cfg_strength = std::stof(argv[5]);
  request.seed = std::stoull(argv[6]);
  request.seconds = engine.info().min_seconds;
  const auto result = engine.generate(request, {});
  if (result.outcome != drs::Outcome::Succeeded || result.takes.size() != 1) {
    std::fprintf(stderr, "generation failed: %s\n", result.error.c_str());
    return 1;
  }
  const auto& take = result.takes[0];
  drs::write_audio_file(argv[7], take.audio, take.channels, take.sample_rate,
                        drs::audio_format_for(argv[7]));
  return 0;
}
