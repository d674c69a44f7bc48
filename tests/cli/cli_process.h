// Runs a program as the user would (fork + exec), with its stderr and stdout captured
// and, optionally, a signal sent when a given text appears on its stderr.
#pragma once

#include <csignal>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace drs::test {

struct ProcessRun {
  int exit_code = -1;  // 128 + signal when killed
  std::string err;
  std::string out;
};

struct ProcessOptions {
  std::vector<std::pair<std::string, std::string>> env{};  // added to the environment
  std::string signal_on{};  // send `signal` when this appears on stderr
  int signal = SIGINT;
};

ProcessRun run_process(const std::string& program, std::vector<std::string> args,
                       const ProcessOptions& options = {});

// A file's bytes (empty when it cannot be read): outputs compared byte for byte.
std::string file_bytes(const std::filesystem::path& path);

}  // namespace drs::test
