#include "cli_options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "drs/error.h"
#include "drs/song_edit.h"

namespace drs::cli {
namespace {

[[noreturn]] void bad(const std::string& message) {
  throw Error(ErrorKind::BadInput, message);
}

template <typename T>
T number(std::string_view flag, const std::string& text) {
  T value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end)
    bad(std::string(flag) + ": '" + text + "' is not a valid number");
  return value;
}

double real(std::string_view flag, const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !std::isfinite(value))
    bad(std::string(flag) + ": '" + text + "' is not a number");
  return value;
}

AudioFormat format_named(const std::string& name) {
  if (name == "wav16" || name == "wav") return AudioFormat::Wav16;
  if (name == "wav24") return AudioFormat::Wav24;
  if (name == "float") return AudioFormat::WavFloat;
  if (name == "flac" || name == "flac16") return AudioFormat::Flac16;
  if (name == "flac24") return AudioFormat::Flac24;
  bad("--format: unknown format '" + name + "' (wav16, wav24, float, flac16, flac24)");
}

// --ref-clip: seconds ("12.5") or minutes:seconds ("1:05.5").
double clip_start(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) return real("--ref-clip", text);
  const double minutes = real("--ref-clip", text.substr(0, colon));
  const double seconds = real("--ref-clip", text.substr(colon + 1));
  if (minutes < 0 || minutes != std::floor(minutes) || seconds < 0 || seconds >= 60)
    bad("--ref-clip: expected seconds or m:ss, got '" + text + "'");
  return minutes * 60 + seconds;
}

std::optional<SongEdit> song_edit(const std::optional<std::filesystem::path>& edit_from,
                                  const std::optional<std::vector<TimeSpan>>& spans,
                                  const std::optional<std::filesystem::path>& continue_from) {
  if (continue_from && (edit_from || spans))
    bad("--continue-from cannot be combined with --edit-from/--edit");
  if (continue_from) return SongEdit{*continue_from, {}, true};
  if (edit_from && !spans) bad("--edit-from needs --edit SPANS, e.g. --edit \"[[10,20]]\"");
  if (spans && !edit_from) bad("--edit needs --edit-from FILE (the song to edit)");
  if (!edit_from) return std::nullopt;
  return SongEdit{*edit_from, *spans, false};
}

}  // namespace

const char* usage() {
  return R"(usage: diffrhythm-cli <command> [options]

Commands:
  generate   make a song from lyrics and a style prompt (no display needed)
  presets    list the quality/speed presets with their cost
  resume     list interrupted runs (crash, kill, Ctrl+C), or continue one:
               resume                 runs that can be continued, newest first
               resume RUN             continue RUN (its id or journal file) from its
                                      last step into --out FILE: the same audio as the
                                      run would have given uninterrupted
  info       describe the model set that would be used, and this machine's maths
  models     manage installed model sets:
               models list            installed sets, sizes, licences, the default
               models where           print the model store folder
               models verify [SET]    re-check every file's size and SHA-256 against
                                      the set's manifest (default: the default set)
               models remove SET      delete an installed set from the store
               models download ID     download a set (diffrhythm-1_2-base, -full) or a
                                      component (chinese-lyrics) into the store: resumes
                                      from .part files, verifies size and SHA-256
               models import DIR      install the sets found in a folder or a Hugging
                                      Face cache (checked, hard-linked, .pt converted)
               models import --hf-cache [DIR]   the same from the Hugging Face cache
                                      (default $HF_HUB_CACHE, else ~/.cache/huggingface/hub)

generate options:
  --lyrics FILE.lrc     timestamped lyrics ([mm:ss.xx] lines); omit for instrumental
  --style TEXT          style prompt, e.g. "indie folk ballad, acoustic guitar"
  --ref-audio FILE      a reference song as the style instead of --style (WAV, FLAC,
                        Ogg, MP3; at least 10 s): 10 s from its middle are embedded
  --ref-clip START      with --ref-audio: the 10 s clip starts at START (seconds or m:ss)
  --seconds N           song length: 95 (base model) or 96-285 (full model)
  --preset NAME         best (default), balanced, fast, draft
  --steps N             Euler steps (overrides the preset's grid: N+1 points)
  --cfg X               guidance strength (overrides the preset)
  --sway S              sway sampling coefficient (overrides the preset)
  --guidance-until T    guidance only on steps starting before time T (0-1; 1 = every
                        step, official); later steps cost one pass instead of two
  --edit-from FILE      edit a song (audio file, any rate, mono or stereo): only the
                        spans given by --edit are regenerated, the rest is kept
  --edit SPANS          spans to regenerate, in seconds or m:ss, -1 = start/end:
                        "[[10,20],[1:30,-1]]" (overlaps are merged; the part kept
                        must lie within the reference song)
  --continue-from FILE  continue a song: the new song starts with FILE and the rest up
                        to --seconds is generated (lyrics: the whole song's LRC)
  --seed N              reproduce a take (default: random, printed at the end)
  --takes K             generate K takes (seeds N, N+1, ...); files FILE-1, FILE-2 ...
  --models DIR          model set folder (default: installed real models, else the demo set)
  --device cpu|cuda     where to run (default cpu)
  --precision P         auto (default), fp32, bf16, fp16, int8 (CPU: int8 transformer
                        matrices; faster, final latent deviates by a few per cent;
                        with bf16 or int8 a CPU with native bfloat16 also decodes in it)
  --threads N           CPU threads (default: all cores)
  --out FILE            output .wav or .flac: written while the song decodes to a
                        hidden temporary file in the same folder, which becomes FILE
                        only when the take is finished; its replay manifest (lyrics,
                        style, settings, seed, model set, precision, version, timings)
                        is written next to it as FILE.json
  --format F            wav16 (default for .wav), wav24, float, flac16, flac24
  --resume              continue this same request's interrupted run if there is one
                        (every run is journalled after each step in the cache folder)
  --keep-partial        when cancelled while decoding, keep the audio decoded so far
                        as FILE.partial.wav (.flac): a shorter take at the listening
                        level (1 / the peak so far), not the finished take
  --json-progress       progress as JSON lines on stderr
  --quiet               no progress output
  --manifest TAKE.json  replay a take from its manifest (no lyrics, style or sampling
                        options): the same model set, precision and app version are
                        required (else refused, naming the difference), its threads are
                        used; --out defaults to TAKE.replay.wav; says whether the audio
                        is identical to the recorded take
  --batch FILE          one generation per line of FILE, a JSON object whose keys are
                        these long options without "--" and whose values are theirs:
                        {"lyrics": "a.lrc", "style": "jazz", "seed": 7, "out": "a.wav"}
                        (true for a flag); the other options on the command line apply
                        to every line unless it sets them. Runs one after another; with
                        --resume, finished lines (output and manifest there) are skipped
                        and an interrupted one continues from its journal

models options:
  --store DIR           the model store (default: $DRS_MODELS_DIR, else the folder
                        chosen in the app (~/.config/DiffRhythmStudio/models.json),
                        else ~/.local/share/DiffRhythm Studio/models)
  --set ID              models import: only this set or component
  download honours $HF_ENDPOINT (a mirror) and $HF_TOKEN (gated repositories);
  --json-progress and --quiet apply to it too

Progress goes to stderr: on a terminal one line that updates in place (stage, step,
bar, elapsed, ETA), else one line per stage, step and chunk; Ctrl+C cancels cleanly.

Exit codes:
  0  success
  1  internal error (a bug: please report it)
  2  bad input (arguments, lyrics, prompt)
  3  cancelled (Ctrl+C / SIGTERM); no output file is left behind (with
     --keep-partial: only FILE.partial.EXT), the run can be continued with `resume`
  4  model missing or could not be loaded
  5  output could not be written (path, permissions, disk full)
)";
}

Options parse_options(int argc, char** argv) {
  Options opt;
  if (argc < 2) return opt;
  const std::string command = argv[1];
  // Options that shape a generation request: a replayed manifest brings its own.
  const std::vector<std::string_view> request_flags{
      "--lyrics",    "--style", "--ref-audio",     "--ref-clip",       "--seconds", "--preset",
      "--steps",     "--cfg",   "--sway",          "--guidance-until", "--seed",    "--takes",
      "--edit-from", "--edit",  "--continue-from", "--resume"};
  std::string request_flag;
  if (command == "generate")
    opt.command = Command::Generate;
  else if (command == "resume")
    opt.command = Command::Resume;
  else if (command == "presets")
    opt.command = Command::Presets;
  else if (command == "info")
    opt.command = Command::Info;
  else if (command == "models")
    opt.command = Command::Models;
  else if (command == "help" || command == "--help" || command == "-h")
    return opt;
  else
    bad("unknown command '" + command + "' (try --help)");

  std::optional<int> steps;
  std::optional<std::filesystem::path> edit_from, continue_from;
  std::optional<std::vector<TimeSpan>> edit_spans;
  std::optional<std::filesystem::path> ref_audio;
  std::optional<double> ref_clip;
  std::optional<float> cfg, sway, guidance_until;
  int first = 2;
  if (opt.command == Command::Resume && argc > 2 && argv[2][0] != '-') {
    opt.resume_run = argv[2];
    first = 3;
  }
  if (opt.command == Command::Models) {
    if (argc < 3 || argv[2][0] == '-')
      bad("models needs a subcommand: list, where, verify [SET] or remove SET");
    opt.models_command = argv[2];
    first = 3;
    if (argc > 3 && argv[3][0] != '-') {
      opt.models_argument = argv[3];
      first = 4;
    }
    const auto& sub = opt.models_command;
    if (sub != "list" && sub != "where" && sub != "verify" && sub != "remove" &&
        sub != "download" && sub != "import")
      bad("models: unknown subcommand '" + sub +
          "' (list, where, verify, remove, download, import)");
    if (sub == "remove" && opt.models_argument.empty()) bad("models remove needs a set id");
    if (sub == "download" && opt.models_argument.empty())
      bad("models download needs a set or component id (e.g. diffrhythm-1_2-base)");
    if ((sub == "list" || sub == "where") && !opt.models_argument.empty())
      bad("models " + sub + " takes no argument");
  }
  for (int i = first; i < argc; ++i) {
    const std::string flag = argv[i];
    if (std::find(request_flags.begin(), request_flags.end(), flag) != request_flags.end())
      request_flag = flag;
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) bad(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--help" || flag == "-h") {
      opt.command = Command::Help;
      return opt;
    } else if (flag == "--lyrics") {
      opt.lyrics_file = value();
    } else if (flag == "--style") {
      opt.style = value();
    } else if (flag == "--ref-audio") {
      ref_audio = value();
    } else if (flag == "--ref-clip") {
      ref_clip = clip_start(value());
    } else if (flag == "--seconds") {
      opt.seconds = real(flag, value());
      opt.seconds_given = true;
    } else if (flag == "--preset") {
      opt.preset = value();
    } else if (flag == "--steps") {
      steps = number<int>(flag, value());
    } else if (flag == "--cfg") {
      cfg = static_cast<float>(real(flag, value()));
    } else if (flag == "--sway") {
      sway = static_cast<float>(real(flag, value()));
    } else if (flag == "--guidance-until") {
      guidance_until = static_cast<float>(real(flag, value()));
    } else if (flag == "--edit-from") {
      edit_from = value();
    } else if (flag == "--edit") {
      const auto text = value();
      try {
        edit_spans = parse_time_spans(text);
      } catch (const Error& e) {
        bad(std::string("--edit: ") + e.what());
      }
    } else if (flag == "--continue-from") {
      continue_from = value();
    } else if (flag == "--seed") {
      opt.seed = number<std::uint64_t>(flag, value());
    } else if (flag == "--takes") {
      opt.takes = number<int>(flag, value());
    } else if (flag == "--models") {
      opt.models = value();
    } else if (flag == "--device") {
      const auto device = value();
      if (device == "cpu")
        opt.device = Device::Cpu;
      else if (device == "cuda")
        opt.device = Device::Cuda;
      else
        bad("--device: expected cpu or cuda, got '" + device + "'");
    } else if (flag == "--precision") {
      const auto p = value();
      if (p == "auto")
        opt.precision = Precision::Auto;
      else if (p == "fp32")
        opt.precision = Precision::Float32;
      else if (p == "bf16")
        opt.precision = Precision::BFloat16;
      else if (p == "fp16")
        opt.precision = Precision::Float16;
      else if (p == "int8")
        opt.precision = Precision::Int8;
      else
        bad("--precision: expected auto, fp32, bf16, fp16 or int8");
    } else if (flag == "--threads") {
      opt.threads = number<int>(flag, value());
    } else if (flag == "--out") {
      opt.out = value();
    } else if (flag == "--format") {
      opt.format = format_named(value());
    } else if (flag == "--resume") {
      opt.resume = true;
    } else if (flag == "--manifest") {
      opt.manifest = value();
    } else if (flag == "--batch") {
      opt.batch = value();
    } else if (flag == "--keep-partial") {
      opt.keep_partial = true;
    } else if (flag == "--json-progress") {
      opt.json_progress = true;
    } else if (flag == "--quiet") {
      opt.quiet = true;
    } else if (flag == "--store") {
      opt.store = value();
    } else if (flag == "--set") {
      opt.import_set = value();
    } else if (flag == "--hf-cache") {
      opt.hf_cache = true;
      if (i + 1 < argc && argv[i + 1][0] != '-') opt.models_argument = argv[++i];
    } else {
      bad("unknown option '" + flag + "' (try --help)");
    }
  }

  const Preset* preset = find_preset(opt.preset);
  if (!preset) bad("--preset: unknown preset '" + opt.preset + "' (best, balanced, fast, draft)");
  opt.sampling = preset->sampling;
  if (steps) {
    if (*steps < 1 || *steps > 999) bad("--steps must be between 1 and 999");
    opt.sampling.grid_points = *steps + 1;
  }
  if (cfg) opt.sampling.cfg_strength = *cfg;
  if (sway) opt.sampling.sway = *sway;
  if (guidance_until) {
    if (*guidance_until < 0 || *guidance_until > 1) bad("--guidance-until must be between 0 and 1");
    opt.sampling.guidance_until = *guidance_until;
  }
  if (opt.takes < 1 || opt.takes > 16) bad("--takes must be between 1 and 16");
  opt.edit = song_edit(edit_from, edit_spans, continue_from);
  if (ref_audio && !opt.style.empty()) bad("--ref-audio and --style exclude each other");
  if (ref_clip && !ref_audio) bad("--ref-clip needs --ref-audio FILE");
  if (ref_clip && *ref_clip < 0) bad("--ref-clip must not be negative");
  if (ref_audio) opt.style_audio = ReferenceStyle{*ref_audio, ref_clip};
  if (opt.manifest && opt.command != Command::Generate) bad("--manifest is a generate option");
  if (opt.manifest && !request_flag.empty())
    bad("--manifest replays a take with its own settings: " + request_flag +
        " cannot be combined with it");
  if (opt.batch && (opt.command != Command::Generate || opt.manifest))
    bad("--batch is a generate option and cannot be combined with --manifest");
  if (opt.command == Command::Generate && opt.out.empty() && !opt.manifest && !opt.batch)
    bad("generate needs --out FILE.wav");
  if (opt.command == Command::Resume && !opt.resume_run.empty() && opt.out.empty())
    bad("resume RUN needs --out FILE.wav");
  if (opt.resume && opt.command != Command::Generate) bad("--resume is a generate option");
  if (opt.command == Command::Models && opt.models_command == "import" && !opt.hf_cache &&
      opt.models_argument.empty())
    bad("models import needs a folder, or --hf-cache [DIR]");
  return opt;
}

}  // namespace drs::cli
