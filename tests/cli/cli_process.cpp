#include "cli_process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace drs::test {
namespace {

std::string drain(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
    text.append(buffer, static_cast<std::size_t>(n));
  return text;
}

}  // namespace

ProcessRun run_process(const std::string& program, std::vector<std::string> args,
                       const ProcessOptions& options) {
  int err_pipe[2], out_pipe[2];
  if (::pipe(err_pipe) != 0 || ::pipe(out_pipe) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(err_pipe[1], 2);
    ::dup2(out_pipe[1], 1);
    ::close(err_pipe[0]);
    ::close(out_pipe[0]);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (const auto& [name, value] : options.env) ::setenv(name.c_str(), value.c_str(), 1);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(err_pipe[1]);
  ::close(out_pipe[1]);
  ProcessRun run;
  bool signalled = false;
  char buffer[4096];
  for (ssize_t n; (n = ::read(err_pipe[0], buffer, sizeof buffer)) > 0;) {
    run.err.append(buffer, static_cast<std::size_t>(n));
    if (!options.signal_on.empty() && !signalled &&
        run.err.find(options.signal_on) != std::string::npos) {
      ::kill(pid, options.signal);
      signalled = true;
    }
  }
  run.out = drain(out_pipe[0]);
  ::close(err_pipe[0]);
  ::close(out_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace drs::test
