// A real HTTP server for the download tests: Debian's nginx as a child process with a
// configuration generated into a temporary folder, on a free loopback port. Single
// process (master_process off), stopped with SIGKILL. Range requests are served at full
// speed, plain ones at 512 kB/s so a test can interrupt one mid-file; the access log
// records each request's Range and Authorization headers.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "support/temp_dir.h"

namespace drs::test {

class NginxServer {
 public:
  // `locations`: extra location blocks; "@BASE@" is replaced by base(), "@PORT@" by port().
  explicit NginxServer(std::string locations = {}) : locations_(std::move(locations)) {
    port_ = free_port();
    for (const char* sub : {"www", "tmp", "logs"})
      std::filesystem::create_directories(root() / sub);
  }
  ~NginxServer() { stop(); }
  NginxServer(const NginxServer&) = delete;
  NginxServer& operator=(const NginxServer&) = delete;

  [[nodiscard]] std::filesystem::path root() const { return dir_.path(); }
  [[nodiscard]] std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] int port() const { return port_; }

  void add_file(const std::string& path, const std::string& data) const {
    const auto full = root() / "www" / path;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << data;
  }

  [[nodiscard]] std::string access_log() const {
    std::ifstream in(root() / "logs" / "access.log");
    return {std::istreambuf_iterator<char>(in), {}};
  }

  // nginx writes a request's log line after the response has gone out, so a client can
  // finish first: wait (up to 5 s) until the log holds `needle`, then return it.
  [[nodiscard]] std::string access_log_with(const std::string& needle) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto log = access_log();
    while (log.find(needle) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      log = access_log();
    }
    return log;
  }

  bool start() {
    write_config();
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string prefix = root().string() + "/";
      const std::string conf = (root() / "nginx.conf").string();
      const std::string err = (root() / "logs" / "error.log").string();
      ::execl(DRS_NGINX_PATH, "nginx", "-p", prefix.c_str(), "-c", conf.c_str(), "-e", err.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 200; ++i) {
      if (accepts()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return false;
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
  }

  [[nodiscard]] bool accepts() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
  }

  void write_config() const {
    std::string locations = locations_;
    for (std::size_t at; (at = locations.find("@BASE@")) != std::string::npos;)
      locations.replace(at, 6, base());
    for (std::size_t at; (at = locations.find("@PORT@")) != std::string::npos;)
      locations.replace(at, 6, std::to_string(port_));
    const std::string r = root().string();
    std::ofstream(root() / "nginx.conf")
        << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << r
        << "/nginx.pid;\nevents { worker_connections 64; }\nhttp {\n"
        << "  log_format drs '$uri $status range=\"$http_range\" auth=\"$http_authorization\"';\n"
        << "  access_log " << r << "/logs/access.log drs;\n"
        << "  client_body_temp_path " << r << "/tmp;\n  proxy_temp_path " << r << "/tmp;\n"
        << "  fastcgi_temp_path " << r << "/tmp;\n  uwsgi_temp_path " << r << "/tmp;\n"
        << "  scgi_temp_path " << r << "/tmp;\n"
        << "  map $http_range $drs_rate { \"\" 512k; default 0; }\n"
        << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    root " << r << "/www;\n"
        << "    limit_rate $drs_rate;\n"
        << locations << "\n  }\n}\n";
  }

  TempDir dir_;
  std::string locations_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace drs::test
