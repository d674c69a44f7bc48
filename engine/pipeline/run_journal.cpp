#include "pipeline/run_journal.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <span>

#include "drs/blas_kernel.h"
#include "drs/error.h"
#include "drs/model_set.h"
#include "models/sha256.h"

#ifndef DRS_VERSION
#error "DRS_VERSION must name the app version (set by CMake)"
#endif

namespace drs {
namespace {

constexpr const char* kFormat = "drs-run-journal";
constexpr int kFormatVersion = 1;
constexpr const char* kExtension = ".drsrun";

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string new_run_id() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[20];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  std::random_device device;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%08x", device());
  return std::string(stamp) + suffix;
}

nlohmann::json sampling_to_json(const SamplingSettings& s) {
  nlohmann::json j = {{"grid_points", s.grid_points},
                      {"cfg_strength", s.cfg_strength},
                      {"guidance_until", s.guidance_until}};
  if (s.sway) j["sway"] = *s.sway;
  return j;
}

SamplingSettings sampling_from_json(const nlohmann::json& j) {
  SamplingSettings s;
  s.grid_points = j.at("grid_points").get<int>();
  s.cfg_strength = j.at("cfg_strength").get<float>();
  s.guidance_until = j.at("guidance_until").get<float>();
  if (j.contains("sway")) s.sway = j.at("sway").get<float>();
  return s;
}

nlohmann::json request_to_json(const GenerationRequest& r, std::uint64_t seed) {
  nlohmann::json j = {{"lyrics", r.lyrics},
                      {"style", r.style},
                      {"seconds", r.seconds},
                      {"sampling", sampling_to_json(r.sampling)},
                      {"seed", seed},
                      {"takes", r.takes},
                      {"edit", r.edit.has_value()}};
  if (r.style_embedding) j["style_embedding"] = *r.style_embedding;
  return j;
}

GenerationRequest request_from_json(const nlohmann::json& j) {
  GenerationRequest r;
  r.lyrics = j.at("lyrics").get<std::string>();
  r.style = j.at("style").get<std::string>();
  r.seconds = j.at("seconds").get<double>();
  r.sampling = sampling_from_json(j.at("sampling"));
  r.seed = j.at("seed").get<std::uint64_t>();
  r.takes = j.at("takes").get<int>();
  if (j.contains("style_embedding"))
    r.style_embedding = j.at("style_embedding").get<std::vector<float>>();
  return r;
}

RunJournal describe(const std::filesystem::path& file, const nlohmann::json& h) {
  RunJournal journal;
  journal.file = file;
  try {
    if (h.value("format", std::string()) != kFormat)
      throw Error(ErrorKind::BadInput, "not a run journal");
    if (h.value("format_version", 0) != kFormatVersion)
      throw Error(ErrorKind::BadInput,
                  "journal format version " + std::to_string(h.value("format_version", 0)) +
                      " (this version reads " + std::to_string(kFormatVersion) + ")");
    journal.run_id = h.at("run_id").get<std::string>();
    journal.step = h.at("step").get<int>();
    journal.steps = h.at("steps").get<int>();
    journal.started_utc = h.at("started").get<std::string>();
    journal.updated_utc = h.at("updated").get<std::string>();
    journal.app_version = h.at("app_version").get<std::string>();
    const auto& model = h.at("model");
    journal.model_id = model.at("id").get<std::string>();
    journal.model_name = model.at("name").get<std::string>();
    journal.precision = h.at("precision").get<std::string>();
    journal.threads = h.at("threads").get<int>();
    journal.seed_given = h.at("seed_given").get<bool>();
    journal.request = request_from_json(h.at("request"));
    journal.is_edit = h.at("request").value("edit", false);
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorKind::BadInput,
                file.string() + ": not a usable run journal (" + std::string(e.what()) + ")");
  } catch (const Error& e) {
    throw Error(ErrorKind::BadInput, file.string() + ": " + e.what());
  }
  return journal;
}

void require(bool same, const std::filesystem::path& file, const std::string& what,
             const std::string& journal, const std::string& here) {
  if (same) return;
  throw Error(ErrorKind::BadInput, file.filename().string() + " cannot be resumed here: its " +
                                       what + " is '" + journal + "', this engine's is '" + here +
                                       "'");
}

at::Tensor tensor(const JournalContent& content, const char* name,
                  const std::filesystem::path& file) {
  const auto found = content.tensors.find(name);
  if (found == content.tensors.end())
    throw Error(ErrorKind::BadInput,
                file.string() + ": not a usable run journal (no " + std::string(name) + ")");
  return found->second;
}

}  // namespace

RunIdentity identify_run(const std::filesystem::path& model_dir, const ModelInfo& info) {
  RunIdentity id;
  const auto set = read_model_set(model_dir);
  id.model_id = set.id;
  id.model_name = set.name;
  // Hashing gigabytes at every run would cost a minute; names, sizes and modification
  // times change whenever a file of the set is replaced.
  // A file that another process creates and removes meanwhile (an atomic write's
  // temporary) is skipped rather than failing the run's identity.
  std::vector<std::string> entries;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(model_dir)) {
    if (!entry.is_regular_file(error)) continue;
    const auto size = entry.file_size(error);
    if (error) continue;
    const auto time = entry.last_write_time(error).time_since_epoch().count();
    if (error) continue;
    entries.push_back(entry.path().filename().string() + ":" + std::to_string(size) + ":" +
                      std::to_string(time));
  }
  std::sort(entries.begin(), entries.end());
  std::string joined;
  for (const auto& e : entries) joined += e + "\n";
  models::Sha256 digest;
  digest.update(std::as_bytes(std::span(joined.data(), joined.size())));
  id.model_fingerprint = digest.hex_digest();
  id.precision = info.precision;
  id.device = info.device;
  id.threads = at::get_num_threads();
  if (const auto blas = current_blas_kernel(); blas.is_openblas())
    id.blas_core = "OpenBLAS " + blas.core;
  return id;
}

nlohmann::json new_journal_header(const RunIdentity& identity, const GenerationRequest& request,
                                  std::uint64_t seed, const SampleInputs& inputs) {
  return {{"format", kFormat},
          {"format_version", kFormatVersion},
          {"run_id", new_run_id()},
          {"app_version", DRS_VERSION},
          {"started", utc_now()},
          {"steps", request.sampling.steps()},
          {"model",
           {{"id", identity.model_id},
            {"name", identity.model_name},
            {"fingerprint", identity.model_fingerprint}}},
          {"precision", identity.precision},
          {"device", identity.device},
          {"threads", identity.threads},
          {"blas_core", identity.blas_core},
          {"seed_given", request.seed.has_value()},
          {"request", request_to_json(request, seed)},
          {"segments", inputs.segments}};
}

std::filesystem::path journal_file_for(const std::filesystem::path& dir,
                                       const nlohmann::json& header) {
  return dir / (header.at("run_id").get<std::string>() + kExtension);
}

RunJournalWriter::RunJournalWriter(std::filesystem::path file, nlohmann::json header,
                                   const SampleInputs& inputs)
    : file_(std::move(file)), header_(std::move(header)) {
  inputs_ = {{"cond", inputs.cond},
             {"text", inputs.text},
             {"style", inputs.style},
             {"negative_style", inputs.negative_style},
             {"start_time", inputs.start_time},
             {"song_duration", inputs.song_duration}};
  // Copied once: the inputs do not change between steps.
  for (auto& [name, t] : inputs_)
    t = t.detach().to(at::kCPU, t.scalar_type() == at::kLong ? at::kLong : at::kFloat).contiguous();
}

void RunJournalWriter::record(int step, const at::Tensor& state) {
  if (!warning_.empty()) return;  // said once; the run goes on without a journal
  try {
    header_["step"] = step;
    header_["updated"] = utc_now();
    auto tensors = inputs_;
    tensors.emplace_back("state", state.detach().to(at::kCPU, at::kFloat));
    write_journal_file(file_, header_, tensors);
  } catch (const std::exception& e) {
    warning_ = std::string("this run cannot be resumed after a crash: ") + e.what();
    std::error_code ec;
    std::filesystem::remove(file_, ec);
  }
}

ResumedRun read_run_for_resume(const std::filesystem::path& file, const RunIdentity& identity,
                               std::string* warning) {
  const auto content = read_journal_file(file);
  ResumedRun run;
  run.journal = describe(file, content.header);
  run.header = content.header;
  run.header.erase("tensors");
  const auto& j = run.journal;
  require(j.app_version == DRS_VERSION, file, "app version", j.app_version, DRS_VERSION);
  require(j.model_id == identity.model_id, file, "model set", j.model_id, identity.model_id);
  const auto fingerprint = content.header.at("model").value("fingerprint", std::string());
  if (fingerprint != identity.model_fingerprint)
    throw Error(ErrorKind::BadInput, file.filename().string() +
                                         " cannot be resumed here: the files of model set '" +
                                         j.model_id + "' changed since the run started");
  require(j.precision == identity.precision, file, "precision", j.precision, identity.precision);
  if (j.step < 0 || j.step > j.steps || j.steps != j.request.sampling.steps())
    throw Error(ErrorKind::BadInput, file.string() + ": not a usable run journal (step " +
                                         std::to_string(j.step) + " of " + std::to_string(j.steps) +
                                         ")");
  if (warning && j.threads != identity.threads)
    *warning = "the run started with " + std::to_string(j.threads) + " threads and goes on with " +
               std::to_string(identity.threads) +
               ": the result may differ from an uninterrupted run in the last bits";
  const auto blas = content.header.value("blas_core", std::string());
  if (warning && warning->empty() && !blas.empty() && !identity.blas_core.empty() &&
      blas != identity.blas_core)
    *warning = "the run started on " + blas + " and goes on with " + identity.blas_core +
               ": the result may differ from an uninterrupted run in the last bits";
  auto& in = run.inputs;
  in.cond = tensor(content, "cond", file);
  in.text = tensor(content, "text", file);
  in.style = tensor(content, "style", file);
  in.negative_style = tensor(content, "negative_style", file);
  in.start_time = tensor(content, "start_time", file);
  in.song_duration = tensor(content, "song_duration", file);
  in.y0 = tensor(content, "state", file);
  in.first_step = j.step;
  try {
    in.segments = content.header.at("segments").get<std::vector<std::pair<int64_t, int64_t>>>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorKind::BadInput, file.string() + ": not a usable run journal (segments)");
  }
  return run;
}

std::filesystem::path run_journal_dir(const std::filesystem::path& cache_dir) {
  return cache_dir / "runs";
}

RunJournal read_run_journal(const std::filesystem::path& file) {
  return describe(file, read_journal_header(file));
}

std::vector<RunJournal> list_run_journals(const std::filesystem::path& cache_dir) {
  std::vector<RunJournal> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(run_journal_dir(cache_dir), ec)) {
    if (entry.path().extension() != kExtension) continue;
    try {
      found.push_back(read_run_journal(entry.path()));
    } catch (const Error& e) {
      RunJournal broken;
      broken.file = entry.path();
      broken.problem = e.what();
      found.push_back(std::move(broken));
    }
  }
  std::sort(found.begin(), found.end(), [](const RunJournal& a, const RunJournal& b) {
    return a.started_utc != b.started_utc ? a.started_utc > b.started_utc : a.file > b.file;
  });
  return found;
}

void prune_run_journals(const std::filesystem::path& dir, std::size_t keep) {
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == kExtension)
      files.emplace_back(entry.last_write_time(ec), entry.path());
  if (files.size() <= keep) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a > b; });
  for (std::size_t i = keep; i < files.size(); ++i) discard_run_journal(files[i].second);
}

void discard_run_journal(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::remove(file, ec);
}

}  // namespace drs
