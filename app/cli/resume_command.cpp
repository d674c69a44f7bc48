#include "resume_command.h"

#include <cstdio>
#include <string>

#include "drs/error.h"

namespace drs::cli {
namespace {

bool same_sampling(const SamplingSettings& a, const SamplingSettings& b) {
  return a.grid_points == b.grid_points && a.cfg_strength == b.cfg_strength && a.sway == b.sway &&
         a.guidance_until == b.guidance_until;
}

// The journal's request holds the seed it used; an unseeded request matches any seed.
bool same_request(const RunJournal& j, const GenerationRequest& r) {
  const auto& q = j.request;
  if (r.seed ? (!j.seed_given || q.seed != r.seed) : j.seed_given) return false;
  return q.lyrics == r.lyrics && q.style == r.style && q.seconds == r.seconds &&
         q.takes == r.takes && q.style_embedding == r.style_embedding &&
         same_sampling(q.sampling, r.sampling) && !r.edit && !j.is_edit;
}

std::string first_line(const std::string& text, std::size_t limit) {
  auto line = text.substr(0, text.find('\n'));
  if (line.size() > limit) line = line.substr(0, limit - 3) + "...";
  return line;
}

}  // namespace

int list_runs() {
  const auto runs = list_run_journals(default_cache_dir());
  if (runs.empty()) {
    std::printf("no interrupted runs in %s\n", run_journal_dir(default_cache_dir()).c_str());
    return kOk;
  }
  for (const auto& run : runs) {
    if (!run.problem.empty()) {
      std::printf("%s\tunusable: %s\n", run.file.filename().c_str(), run.problem.c_str());
      continue;
    }
    std::printf("%s\tstep %d of %d\tstarted %s\t%s\t\"%s\"\n", run.run_id.c_str(), run.step,
                run.steps, run.started_utc.c_str(), run.model_id.c_str(),
                first_line(run.request.style, 40).c_str());
  }
  return kOk;
}

RunJournal find_run(const std::string& run) {
  std::error_code ec;
  std::filesystem::path file = run;
  if (!std::filesystem::is_regular_file(file, ec))
    file = run_journal_dir(default_cache_dir()) / (run + ".drsrun");
  if (!std::filesystem::is_regular_file(file, ec))
    throw Error(ErrorKind::BadInput,
                "no interrupted run '" + run + "' (list them with: diffrhythm-cli resume)");
  return read_run_journal(file);
}

std::optional<RunJournal> matching_run(const GenerationRequest& request,
                                       const std::string& model_id) {
  for (const auto& run : list_run_journals(default_cache_dir()))
    if (run.problem.empty() && run.model_id == model_id && same_request(run, request)) return run;
  return std::nullopt;
}

Precision precision_of(const RunJournal& journal) {
  return precision_named(journal.precision);
}

Precision precision_named(const std::string& p) {
  if (p.rfind("int8", 0) == 0) return Precision::Int8;
  if (p == "BFloat16") return Precision::BFloat16;
  if (p == "Half") return Precision::Float16;
  return Precision::Float32;
}

}  // namespace drs::cli
