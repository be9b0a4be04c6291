// Child processes for the end-to-end tests: the real binaries, their stdout
// on a pipe, stopped with a signal or waited for.
#pragma once

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace tec {

// A child process with its stdout on a pipe, and its stderr in
// `stderr_path` when one is given.
class Child {
 public:
  explicit Child(std::vector<std::string> args, const std::string& stderr_path = "") {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      // Dies with the test, even one that crashes: an orphan would keep
      // ctest's output pipe open and hang the run.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      dup2(fds[1], STDOUT_FILENO);
      if (!stderr_path.empty()) {
        if (FILE* err = fopen(stderr_path.c_str(), "w")) dup2(fileno(err), STDERR_FILENO);
      }
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fdopen(fds[0], "r");
  }
  ~Child() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_) fclose(out_);
  }
  std::string read_line() {
    char buffer[512];
    return fgets(buffer, sizeof buffer, out_) ? std::string(buffer) : std::string();
  }
  std::string read_all() {
    std::string all, line;
    while (!(line = read_line()).empty()) all += line;
    return all;
  }
  int stop(int signal) {
    kill(pid_, signal);
    return wait();
  }
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  bool exited_ = false;
};

inline int run_indexer(const std::vector<std::string>& args, std::string* output = nullptr) {
  std::vector<std::string> argv{TEC_INDEX_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  Child child(argv);
  const std::string out = child.read_all();
  if (output) *output = out;
  return child.wait();
}

// The port a tec-searchd started with --listen HOST:0 printed on its first line.
inline int read_port(Child& server) {
  const std::string banner = server.read_line();  // "tec-searchd écoute sur http://127.0.0.1:PORT/"
  const auto colon = banner.rfind(':');
  if (colon == std::string::npos) throw std::runtime_error("tec-searchd did not start: " + banner);
  return std::stoi(banner.substr(colon + 1));
}

}  // namespace tec
