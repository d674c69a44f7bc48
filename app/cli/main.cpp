// diffrhythm-cli: the whole pipeline from the command line (see --help).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "batch_command.h"
#include "cancel_on_signal.h"
#include "cli_options.h"
#include "drs/audio_file.h"
#include "drs/blas_kernel.h"
#include "drs/cpu_features.h"
#include "drs/engine.h"
#include "drs/machine_speed.h"
#include "drs/model_set.h"
#include "drs/process_tuning.h"
#include "drs/take_manifest.h"
#include "models_command.h"
#include "progress_printer.h"
#include "replay_command.h"
#include "resume_command.h"
#include "take_files.h"

namespace drs::cli {
namespace {

int exit_code_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::BadInput: return kBadInput;
    case ErrorKind::ModelMissing:
    case ErrorKind::ModelCorrupt: return kModelError;
    case ErrorKind::Output: return kOutputError;
    case ErrorKind::Cancelled: return kCancelled;
    case ErrorKind::OutOfMemory:
    case ErrorKind::Internal: return kInternalError;
  }
  return kInternalError;
}

std::filesystem::path model_dir(const Options& opt) {
  if (opt.models) return *opt.models;
  if (auto dir = default_model_dir()) return *dir;
  throw Error(ErrorKind::ModelMissing,
              "no model set installed and no demo set found; pass --models DIR");
}

std::string read_lyrics(const std::filesystem::path& path) {
  if (path.empty()) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::BadInput, path.string() + ": cannot read the lyrics file");
  return {std::istreambuf_iterator<char>(in), {}};
}

// Fail before an hour of sampling, not after it.
void check_output_folder(const std::filesystem::path& out) {
  const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw Error(ErrorKind::Output,
                out.string() + ": folder " + folder.string() + " does not exist");
  if (::access(folder.c_str(), W_OK) != 0)
    throw Error(ErrorKind::Output,
                out.string() + ": folder " + folder.string() + " is not writable");
}

// A quarter-second GEMM probe: a reference BLAS turns a 30-minute song into a day. On
// float32, also say when bfloat16 or int8 maths would be faster (inexact options).
void warn_if_blas_is_slow(bool quiet, Precision precision, int threads) {
  if (quiet) return;
  const auto speed = measure_matmul_speed();
  if (speed.slow) std::fprintf(stderr, "warning: %s\n", speed.advice.c_str());
  // Against a crippled float32 any other maths looks many times faster: fix that first.
  if (speed.slow) return;
  if (precision != Precision::Auto && precision != Precision::Float32) return;
  if (const double speedup = cpu_bfloat16_speedup(threads); speedup >= kBfloat16HintSpeedup)
    std::fprintf(stderr,
                 "note: this CPU multiplies bfloat16 %.1fx faster than float32: "
                 "--precision bf16 roughly halves the time (final latent within ~3 %% of "
                 "float32)\n",
                 speedup);
  if (const double speedup = cpu_int8_speedup(threads); speedup >= kInt8HintSpeedup)
    std::fprintf(stderr,
                 "note: int8 matrix products run %.1fx faster than float32 here: "
                 "--precision int8 quantises the transformer's matrices (final latent within "
                 "~1.5 %% of float32)\n",
                 speedup);
}

void print_model(const Options& opt, const ModelInfo& info) {
  if (opt.quiet) return;
  std::fprintf(stderr, "model: %s%s, %s, %s\n", info.name.c_str(),
               info.is_demo ? " (demo: produces noise, install DiffRhythm weights for music)" : "",
               info.device.c_str(), info.precision.c_str());
}

// Progress lines, and each take's decoded audio into its file as it arrives.
ProgressSink run_sink(const Options& opt, ProgressPrinter& printer, TakeFiles& files) {
  return [&opt, &printer, &files](const Progress& p) {
    files.on_progress(p);
    if (!opt.quiet) printer(p);
  };
}

// Reports the outcome of a run and writes its takes; shared by generate and resume.
int finish_run(const Options& opt, const GenerationResult& result, const std::stop_source& stop,
               const ProgressSink& sink, TakeFiles& files) {
  if (!files.error().empty()) {
    std::fprintf(stderr, "error: %s\n", files.error().c_str());
    return kOutputError;
  }
  for (const auto& warning : result.warnings)
    if (!opt.quiet) std::fprintf(stderr, "warning: %s\n", warning.c_str());
  if (result.outcome != Outcome::Succeeded && !result.journal.empty())
    std::fprintf(stderr, "the run can be continued: diffrhythm-cli resume %s --out %s\n",
                 result.journal.stem().c_str(), opt.out.c_str());
  if (result.outcome == Outcome::Cancelled) return report_cancelled(files, opt.keep_partial);
  if (result.outcome == Outcome::Failed) {
    std::fprintf(stderr, "error: %s\n", result.error.c_str());
    return exit_code_for(result.error_kind);
  }
  for (std::size_t k = 0; k < result.takes.size(); ++k) {
    if (stop.stop_requested()) return kCancelled;
    const auto& take = result.takes[k];
    const auto path =
        take_path(opt.out, static_cast<int>(k), static_cast<int>(result.takes.size()));
    {
      Progress writing;
      writing.stage = Stage::Writing;
      writing.step = static_cast<int>(k);
      writing.steps = static_cast<int>(result.takes.size());
      writing.elapsed_seconds = result.seconds_total;
      writing.take = static_cast<int>(k);
      writing.message = path.string();
      sink(writing);
    }
    files.commit(result, static_cast<int>(k));
    std::printf("%s\tseed %llu\t%.2f s\n", path.c_str(), static_cast<unsigned long long>(take.seed),
                static_cast<double>(take.frames()) / take.sample_rate);
  }
  return kOk;
}

int run_replay(const Options& opt);

int run_generate(const Options& opt) {
  if (opt.manifest) return run_replay(opt);
  const auto format = opt.format ? *opt.format : audio_format_for(opt.out);
  check_output_folder(opt.out);
  GenerationRequest request;
  request.lyrics = read_lyrics(opt.lyrics_file);
  request.style = opt.style;
  request.style_audio = opt.style_audio;
  request.sampling = opt.sampling;
  request.seed = opt.seed;
  request.takes = opt.takes;
  request.edit = opt.edit;

  const auto dir = model_dir(opt);
  Engine engine({dir, opt.device, opt.precision, opt.threads});
  const auto& info = engine.info();
  request.seconds = opt.seconds_given ? opt.seconds : info.min_seconds;
  print_model(opt, info);
  if (opt.device == Device::Cpu) warn_if_blas_is_slow(opt.quiet, opt.precision, opt.threads);

  std::stop_source stop;
  CancelOnSignal cancel_on_signal(stop);
  ProgressPrinter printer(stderr, opt.json_progress, opt.takes);
  TakeFiles files(opt.out, opt.takes, format, stop);
  const auto sink = run_sink(opt, printer, files);
  const auto interrupted =
      opt.resume ? matching_run(request, read_model_set(dir).id) : std::nullopt;
  if (interrupted && !opt.quiet)
    std::fprintf(stderr, "resuming run %s at step %d of %d\n", interrupted->run_id.c_str(),
                 interrupted->step, interrupted->steps);
  const auto result = interrupted ? engine.resume(interrupted->file, sink, stop.get_token())
                                  : engine.generate(request, sink, stop.get_token());
  files.describe_run(request, take_origin(dir, info, opt.threads));
  printer.end_line();
  return finish_run(opt, result, stop, sink, files);
}

int run_resume(const Options& opt) {
  if (opt.resume_run.empty()) return list_runs();
  const auto journal = find_run(opt.resume_run);
  if (!journal.problem.empty()) throw Error(ErrorKind::BadInput, journal.problem);
  const auto format = opt.format ? *opt.format : audio_format_for(opt.out);
  check_output_folder(opt.out);
  // The journal's precision unless told otherwise: anything else is refused anyway.
  const auto precision = opt.precision == Precision::Auto ? precision_of(journal) : opt.precision;
  Engine engine({model_dir(opt), opt.device, precision, opt.threads});
  print_model(opt, engine.info());
  if (!opt.quiet)
    std::fprintf(stderr, "resuming run %s at step %d of %d\n", journal.run_id.c_str(), journal.step,
                 journal.steps);
  std::stop_source stop;
  CancelOnSignal cancel_on_signal(stop);
  ProgressPrinter printer(stderr, opt.json_progress, journal.request.takes);
  TakeFiles files(opt.out, journal.request.takes, format, stop);
  const auto sink = run_sink(opt, printer, files);
  const auto result = engine.resume(journal.file, sink, stop.get_token());
  // A journal does not record an edit's or a reference style's song: no manifest then.
  const auto& asked = journal.request;
  if (!journal.is_edit && (!asked.style.empty() || asked.style_embedding))
    files.describe_run(asked, take_origin(model_dir(opt), engine.info(), opt.threads));
  printer.end_line();
  return finish_run(opt, result, stop, sink, files);
}

// generate --manifest TAKE.json: the take's request on an engine like the take's.
int run_replay(const Options& opt) {
  const auto replay = read_replay(opt);
  check_output_folder(replay.out);
  const auto dir = model_dir(opt);
  Engine engine({dir, opt.device, replay.precision, replay.threads});
  print_model(opt, engine.info());
  const auto origin = take_origin(dir, engine.info(), replay.threads);
  for (const auto& warning : check_replay(replay.manifest, origin))
    std::fprintf(stderr, "warning: %s\n", warning.c_str());
  auto replay_opt = opt;
  replay_opt.out = replay.out;
  std::stop_source stop;
  CancelOnSignal cancel_on_signal(stop);
  ProgressPrinter printer(stderr, opt.json_progress, 1);
  TakeFiles files(replay.out, 1, replay.format, stop);
  const auto sink = run_sink(replay_opt, printer, files);
  const auto request = replay_request(replay.manifest);
  const auto result = engine.generate(request, sink, stop.get_token());
  files.describe_run(request, origin);
  const int code = finish_run(replay_opt, result, stop, sink, files);
  if (code == kOk) report_replay(replay, replay.out);
  return code;
}

int run_presets() {
  std::printf("%-10s %6s %5s %6s %9s  %s\n", "preset", "steps", "cfg", "sway", "forwards",
              "description");
  for (const auto& p : presets())
    std::printf("%-10.*s %6d %5.1f %6s %9d  %.*s\n", static_cast<int>(p.id.size()), p.id.data(),
                p.sampling.steps(), static_cast<double>(p.sampling.cfg_strength),
                p.sampling.sway ? std::to_string(*p.sampling.sway).substr(0, 5).c_str() : "off",
                p.sampling.forward_passes(), static_cast<int>(p.description.size()),
                p.description.data());
  return kOk;
}

int run_info(const Options& opt) {
  const auto dir = model_dir(opt);
  const auto set = read_model_set(dir);
  std::printf("folder: %s\nname: %s\nid: %s\ndemo: %s\nmax frames: %d (%s)\n", dir.c_str(),
              set.name.c_str(), set.id.c_str(), set.is_demo ? "yes (produces noise)" : "no",
              set.max_frames, set.max_frames == 2048 ? "95 s songs" : "96-285 s songs");
  const auto cpu = detect_cpu_features();
  std::printf("cpu: family %d model %d, %s\nmaths: %s\nint8 maths: %s\n", cpu.family, cpu.model,
              cpu.summary().c_str(), current_blas_kernel().describe().c_str(),
              int8_kernel_name().c_str());
  return kOk;
}

// One line of a batch: its errors end that line only.
int guarded_generate(const Options& opt) {
  try {
    return run_generate(opt);
  } catch (const Error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return exit_code_for(e.kind());
  }
}

int run(int argc, char** argv) {
  try {
    const auto opt = parse_options(argc, argv);
    switch (opt.command) {
      case Command::Generate:
        return opt.batch ? run_batch(argc, argv, guarded_generate) : run_generate(opt);
      case Command::Resume: return run_resume(opt);
      case Command::Presets: return run_presets();
      case Command::Info: return run_info(opt);
      case Command::Models: return run_models(opt);
      case Command::Help: std::fputs(usage(), stdout); return kOk;
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return exit_code_for(e.kind());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "internal error: %s\n", e.what());
  }
  return kInternalError;
}

}  // namespace
}  // namespace drs::cli

int main(int argc, char** argv) {
  drs::tune_process(argv);  // before any thread starts
  return drs::cli::run(argc, argv);
}
