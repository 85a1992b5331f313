// Running the ledger-ocr binary from end-to-end tests: wait for it with its output captured, or
// start it in the background to kill it mid-run.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ledger::testkit {

/// In a forked child: replaces the process with LEDGER_BINARY `args` (exit 127 when it cannot).
[[noreturn]] inline void exec_binary(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string bin = LEDGER_BINARY;
  argv.push_back(bin.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(bin.c_str(), argv.data());
  _exit(127);
}

/// Starts LEDGER_BINARY with `args`, stdout and stderr into the given files. Returns the pid.
inline pid_t start_binary(const std::vector<std::string>& args, const std::filesystem::path& out,
                          const std::filesystem::path& err) {
  pid_t pid = fork();
  if (pid == 0) {
    int fo = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int fe = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fo, 1);
    dup2(fe, 2);
    exec_binary(args);
  }
  return pid;
}

/// Starts LEDGER_BINARY with `args`, stdout into `out` and stderr into a pipe whose read end
/// is returned in `err_fd` (read it to follow the progress lines). Returns the pid.
inline pid_t start_binary_piped(const std::vector<std::string>& args, const std::filesystem::path& out,
                                int& err_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    int fo = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fo, 1);
    dup2(fds[1], 2);
    exec_binary(args);
  }
  close(fds[1]);
  err_fd = fds[0];
  return pid;
}

/// Reads `fd` until a line starting with `prefix` arrives (true) or the stream ends (false).
inline bool wait_for_line(int fd, const std::string& prefix) {
  std::string buf;
  char c;
  while (read(fd, &c, 1) == 1) {
    if (c != '\n') {
      buf += c;
      continue;
    }
    if (buf.rfind(prefix, 0) == 0) return true;
    buf.clear();
  }
  return false;
}

/// Waits for `pid`; returns its exit code, or 128 + signal when it was killed.
inline int wait_binary(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The result of one finished run of the binary.
struct CliResult {
  int code = -1;
  std::string out, err;
};

/// Runs the binary to the end with `args`; output files go to `scratch`.
inline CliResult run_binary(const std::vector<std::string>& args, const std::filesystem::path& scratch) {
  auto out = scratch / "stdout.txt", err = scratch / "stderr.txt";
  CliResult r;
  r.code = wait_binary(start_binary(args, out, err));
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

}  // namespace ledger::testkit
