#include "drs/take_manifest.h"

#include <algorithm>
#include <fstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/threads.h"
#include "drs/error.h"
#include "drs/model_manifest.h"
#include "drs/model_set.h"
#include "drs/song_edit.h"
#include "models/sha256.h"
#include "pipeline/run_journal.h"

#ifndef DRS_VERSION
#error "DRS_VERSION must name the app version (set by CMake)"
#endif

namespace drs {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "drs-take-manifest";
constexpr int kFormatVersion = 1;

constexpr std::pair<AudioFormat, const char*> kFormatNames[] = {
    {AudioFormat::Wav16, "wav16"},    {AudioFormat::Wav24, "wav24"},
    {AudioFormat::WavFloat, "float"}, {AudioFormat::Flac16, "flac16"},
    {AudioFormat::Flac24, "flac24"},
};

const char* format_name(AudioFormat format) {
  for (const auto& [f, name] : kFormatNames)
    if (f == format) return name;
  return "wav16";
}

std::string digest_of(const std::filesystem::path& file) {
  try {
    return models::sha256_file(file);
  } catch (const Error& e) {
    throw Error(ErrorKind::Output, std::string("take manifest: ") + e.what());
  }
}

json sampling_json(const SamplingSettings& s) {
  return {{"grid_points", s.grid_points},
          {"cfg_strength", s.cfg_strength},
          {"sway", s.sway ? json(*s.sway) : json(nullptr)},
          {"guidance_until", s.guidance_until}};
}

json request_json(const TakeManifest& m) {
  const auto& r = m.request;
  json j = {{"lyrics", r.lyrics},   {"style", r.style},
            {"seconds", r.seconds}, {"sampling", sampling_json(r.sampling)},
            {"seed", m.seed},       {"take", m.take},
            {"takes", r.takes}};
  if (r.style_audio)
    j["style_audio"] = {
        {"file", std::filesystem::absolute(r.style_audio->file).string()},
        {"sha256", m.style_audio_sha256},
        {"clip_start", r.style_audio->clip_start ? json(*r.style_audio->clip_start) : json()}};
  if (r.edit)
    j["edit"] = {{"file", std::filesystem::absolute(r.edit->reference).string()},
                 {"sha256", m.edit_sha256},
                 {"spans", format_time_spans(r.edit->spans)},
                 {"continuation", r.edit->continuation}};
  if (r.style_embedding) j["style_embedding"] = *r.style_embedding;
  return j;
}

json origin_json(const TakeOrigin& o) {
  json files = json::array();
  for (const auto& [name, sha256] : o.model_files)
    files.push_back({{"name", name}, {"sha256", sha256}});
  return {{"app_version", o.app_version},
          {"model",
           {{"id", o.model_id},
            {"name", o.model_name},
            {"fingerprint", o.model_fingerprint},
            {"files", files}}},
          {"precision", o.precision},
          {"device", o.device},
          {"threads", o.threads},
          {"blas_core", o.blas_core}};
}

// Reads fields by their path in the document, so that an error names the field.
class FieldReader {
 public:
  explicit FieldReader(std::filesystem::path file) : file_(std::move(file)) {}

  const json& object(const json& parent, const std::string& path) const {
    const auto& j = member(parent, path);
    if (!j.is_object()) wrong(path, "an object");
    return j;
  }
  std::string text(const json& parent, const std::string& path) const {
    const auto& j = member(parent, path);
    if (!j.is_string()) wrong(path, "a string");
    return j.get<std::string>();
  }
  double real(const json& parent, const std::string& path) const {
    const auto& j = member(parent, path);
    if (!j.is_number()) wrong(path, "a number");
    return j.get<double>();
  }
  std::optional<double> optional_real(const json& parent, const std::string& path) const {
    if (member(parent, path).is_null()) return std::nullopt;
    return real(parent, path);
  }
  std::int64_t integer(const json& parent, const std::string& path) const {
    const auto& j = member(parent, path);
    if (!j.is_number_integer()) wrong(path, "a whole number");
    return j.get<std::int64_t>();
  }
  std::uint64_t unsigned_integer(const json& parent, const std::string& path) const {
    const auto& j = member(parent, path);
    if (!j.is_number_unsigned()) wrong(path, "a whole number >= 0");
    return j.get<std::uint64_t>();
  }
  bool boolean(const json& parent, const std::string& path) const {
    const auto& j = member(parent, path);
    if (!j.is_boolean()) wrong(path, "true or false");
    return j.get<bool>();
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(ErrorKind::BadInput, file_.string() + ": " + what);
  }

 private:
  // `path` is "a.b.c"; the last part is the member of `parent`.
  const json& member(const json& parent, const std::string& path) const {
    const auto key = path.substr(path.rfind('.') + 1);
    const auto found = parent.find(key);
    if (found == parent.end()) fail("field '" + path + "' is missing");
    return *found;
  }
  [[noreturn]] void wrong(const std::string& path, const char* expected) const {
    fail("field '" + path + "' must be " + expected);
  }
  std::filesystem::path file_;
};

SamplingSettings read_sampling(const FieldReader& f, const json& j) {
  SamplingSettings s;
  s.grid_points = static_cast<int>(f.integer(j, "request.sampling.grid_points"));
  s.cfg_strength = static_cast<float>(f.real(j, "request.sampling.cfg_strength"));
  if (const auto sway = f.optional_real(j, "request.sampling.sway"))
    s.sway = static_cast<float>(*sway);
  s.guidance_until = static_cast<float>(f.real(j, "request.sampling.guidance_until"));
  return s;
}

void read_request(const FieldReader& f, const json& j, TakeManifest& m) {
  auto& r = m.request;
  r.lyrics = f.text(j, "request.lyrics");
  r.style = f.text(j, "request.style");
  r.seconds = f.real(j, "request.seconds");
  r.sampling = read_sampling(f, f.object(j, "request.sampling"));
  m.seed = f.unsigned_integer(j, "request.seed");
  m.take = static_cast<int>(f.integer(j, "request.take"));
  r.takes = static_cast<int>(f.integer(j, "request.takes"));
  r.seed = m.seed - static_cast<std::uint64_t>(m.take);
  if (j.contains("style_audio")) {
    const auto& a = f.object(j, "request.style_audio");
    r.style_audio = ReferenceStyle{f.text(a, "request.style_audio.file"),
                                   f.optional_real(a, "request.style_audio.clip_start")};
    m.style_audio_sha256 = f.text(a, "request.style_audio.sha256");
  }
  if (j.contains("edit")) {
    const auto& e = f.object(j, "request.edit");
    SongEdit edit{f.text(e, "request.edit.file"), {}, f.boolean(e, "request.edit.continuation")};
    try {
      edit.spans = parse_time_spans(f.text(e, "request.edit.spans"));
    } catch (const Error& error) {
      f.fail(std::string("field 'request.edit.spans': ") + error.what());
    }
    r.edit = std::move(edit);
    m.edit_sha256 = f.text(e, "request.edit.sha256");
  }
  if (j.contains("style_embedding")) {
    if (!j.at("style_embedding").is_array())
      f.fail("field 'request.style_embedding' must be a list of numbers");
    r.style_embedding = j.at("style_embedding").get<std::vector<float>>();
  }
}

void read_origin(const FieldReader& f, const json& j, TakeOrigin& o) {
  o.app_version = f.text(j, "app_version");
  const auto& model = f.object(j, "model");
  o.model_id = f.text(model, "model.id");
  o.model_name = f.text(model, "model.name");
  o.model_fingerprint = f.text(model, "model.fingerprint");
  const auto found = model.find("files");
  if (found == model.end() || !found->is_array()) f.fail("field 'model.files' must be a list");
  for (const auto& file : *found)
    o.model_files.emplace_back(f.text(file, "model.files.name"),
                               f.text(file, "model.files.sha256"));
  o.precision = f.text(j, "precision");
  o.device = f.text(j, "device");
  o.threads = static_cast<int>(f.integer(j, "threads"));
  // Optional: manifests written before it was recorded lack it.
  if (const auto blas = j.find("blas_core"); blas != j.end() && blas->is_string())
    o.blas_core = blas->get<std::string>();
}

void read_audio(const FieldReader& f, const json& j, TakeAudio& a) {
  a.file = f.text(j, "audio.file");
  const auto format = f.text(j, "audio.format");
  bool known = false;
  for (const auto& [value, name] : kFormatNames)
    if (format == name) {
      a.format = value;
      known = true;
    }
  if (!known) f.fail("field 'audio.format': unknown format '" + format + "'");
  a.sha256 = f.text(j, "audio.sha256");
  a.frames = f.integer(j, "audio.frames");
  a.channels = static_cast<int>(f.integer(j, "audio.channels"));
  a.sample_rate = static_cast<int>(f.integer(j, "audio.sample_rate"));
}

void refuse(const std::string& what) {
  throw Error(ErrorKind::BadInput, "this take cannot be replayed here: " + what);
}

void check_reference(const std::filesystem::path& file, const std::string& sha256,
                     const char* what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    refuse(std::string(what) + " " + file.string() + " is missing");
  std::string here;
  try {
    here = models::sha256_file(file);
  } catch (const Error& e) {
    refuse(std::string(what) + " " + file.string() + " cannot be read");
  }
  if (here != sha256)
    refuse(std::string(what) + " " + file.string() + " changed (SHA-256 " + here.substr(0, 12) +
           "..., the take's " + sha256.substr(0, 12) + "...)");
}

void check_model_files(const TakeOrigin& take, const TakeOrigin& here,
                       std::vector<std::string>& warnings) {
  for (const auto& recorded : take.model_files) {
    const auto& [name, sha256] = recorded;
    const auto found = std::find_if(here.model_files.begin(), here.model_files.end(),
                                    [&](const auto& file) { return file.first == recorded.first; });
    if (found == here.model_files.end()) continue;  // not recorded here: the fingerprint says
    if (found->second != sha256)
      refuse("model file " + name + " is another file (SHA-256 " + found->second.substr(0, 12) +
             "..., the take's " + sha256.substr(0, 12) + "...)");
  }
  const bool all_recorded = !take.model_files.empty() && take.model_files == here.model_files;
  if (!all_recorded && take.model_fingerprint != here.model_fingerprint)
    warnings.push_back("the files of model set '" + here.model_id +
                       "' are not provably the take's (their names, sizes or modification times "
                       "changed and the set records no digests to compare): the audio may differ");
}

}  // namespace

TakeOrigin take_origin(const std::filesystem::path& model_dir, const ModelInfo& info, int threads) {
  const auto identity = identify_run(model_dir, info);
  TakeOrigin origin{DRS_VERSION,
                    identity.model_id,
                    identity.model_name,
                    identity.model_fingerprint,
                    {},
                    identity.precision,
                    identity.device,
                    resolved_threads(threads),
                    identity.blas_core};
  const auto manifest = read_manifest(model_dir / ModelSetLayout::kManifest);
  for (const auto& file : manifest.files)
    if (!file.sha256.empty()) origin.model_files.emplace_back(file.name, file.sha256);
  std::sort(origin.model_files.begin(), origin.model_files.end());
  return origin;
}

TakeManifest describe_take(const GenerationRequest& request, const GenerationResult& result, int k,
                           const TakeOrigin& origin, const std::filesystem::path& audio_file,
                           AudioFormat format) {
  const auto& take = result.takes.at(static_cast<std::size_t>(k));
  TakeManifest m;
  m.request = request;
  m.take = k;
  m.seed = take.seed;
  if (request.style_audio) m.style_audio_sha256 = digest_of(request.style_audio->file);
  if (request.edit) m.edit_sha256 = digest_of(request.edit->reference);
  m.origin = origin;
  m.audio =
      TakeAudio{audio_file.filename().string(),           format,        digest_of(audio_file),
                static_cast<std::int64_t>(take.frames()), take.channels, take.sample_rate};
  m.created_utc = utc_timestamp_now();
  m.seconds_total = result.seconds_total;
  m.seconds_per_step = result.seconds_per_step;
  return m;
}

std::filesystem::path take_manifest_path(const std::filesystem::path& audio_file) {
  auto path = audio_file;
  return path.replace_extension(".json");
}

void write_take_manifest(const std::filesystem::path& path, const TakeManifest& m) {
  json j = origin_json(m.origin);
  j["format"] = kFormat;
  j["format_version"] = kFormatVersion;
  j["created"] = m.created_utc;
  j["request"] = request_json(m);
  j["audio"] = {{"file", m.audio.file},         {"format", format_name(m.audio.format)},
                {"sha256", m.audio.sha256},     {"frames", m.audio.frames},
                {"channels", m.audio.channels}, {"sample_rate", m.audio.sample_rate}};
  j["timings"] = {{"seconds_total", m.seconds_total}, {"seconds_per_step", m.seconds_per_step}};
  const auto text = j.dump(2) + "\n";
  AtomicFile file(path);
  file.write(text.data(), text.size());
  file.commit();
}

TakeManifest read_take_manifest(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::BadInput, path.string() + ": cannot read the take manifest");
  json j;
  try {
    j = json::parse(in);
  } catch (const json::parse_error& e) {
    // e.what() names the line and column of the first syntax error.
    throw Error(ErrorKind::BadInput, path.string() + ": not valid JSON: " + e.what());
  }
  const FieldReader f(path);
  if (!j.is_object() || j.value("format", std::string()) != kFormat)
    f.fail("not a take manifest (field 'format' is not \"" + std::string(kFormat) + "\")");
  if (f.integer(j, "format_version") != kFormatVersion)
    f.fail("take manifest format version " + std::to_string(f.integer(j, "format_version")) +
           " (this version reads " + std::to_string(kFormatVersion) + ")");
  TakeManifest m;
  read_origin(f, j, m.origin);
  read_request(f, f.object(j, "request"), m);
  read_audio(f, f.object(j, "audio"), m.audio);
  m.created_utc = f.text(j, "created");
  const auto& timings = f.object(j, "timings");
  m.seconds_total = f.real(timings, "timings.seconds_total");
  m.seconds_per_step = f.real(timings, "timings.seconds_per_step");
  return m;
}

std::vector<std::string> check_replay(const TakeManifest& m, const TakeOrigin& here) {
  const auto& take = m.origin;
  if (take.app_version != here.app_version)
    refuse("it was made by version " + take.app_version + ", this is version " + here.app_version);
  if (take.model_id != here.model_id)
    refuse("it was made with model set '" + take.model_id + "', the model set here is '" +
           here.model_id + "'");
  std::vector<std::string> warnings;
  check_model_files(take, here, warnings);
  if (take.precision != here.precision)
    refuse("it was computed in " + take.precision + ", this engine computes in " + here.precision);
  if (m.request.style_audio)
    check_reference(m.request.style_audio->file, m.style_audio_sha256, "the reference song");
  if (m.request.edit) check_reference(m.request.edit->reference, m.edit_sha256, "the edited song");
  if (take.device != here.device)
    warnings.push_back("it was made on " + take.device + " and is replayed on " + here.device +
                       ": the audio may differ in the last bits");
  if (take.threads != here.threads)
    warnings.push_back("it was made with " + std::to_string(take.threads) +
                       " threads and is replayed with " + std::to_string(here.threads) +
                       ": the audio may differ in the last bits");
  if (!take.blas_core.empty() && !here.blas_core.empty() && take.blas_core != here.blas_core)
    warnings.push_back("it was made with " + take.blas_core + " and is replayed with " +
                       here.blas_core + ": the audio may differ in the last bits");
  if (m.request.takes > 1)
    warnings.push_back("it is take " + std::to_string(m.take + 1) + " of a batch of " +
                       std::to_string(m.request.takes) +
                       ", replayed alone: the audio may differ in the last bits");
  return warnings;
}

GenerationRequest replay_request(const TakeManifest& m) {
  auto request = m.request;
  request.takes = 1;
  request.seed = m.seed;
  return request;
}

}  // namespace drs
