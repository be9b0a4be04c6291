// Helpers shared by the libFuzzer targets of tests/fuzz: an uncaught exception
// is a finding (in tec-index it ends the whole run, in tec-searchd it is a
// 500), reported with its message while the stack still shows where it was
// thrown; temporary folders under /tmp removed at exit.
#pragma once

#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <system_error>
#include <typeinfo>

#include <unistd.h>

namespace tec::fuzz {

// std::terminate is reached from __cxa_throw itself when no handler exists,
// before any unwinding: aborting here keeps the throw site in the stack that
// libFuzzer and AddressSanitizer print.
[[noreturn]] inline void report_uncaught_exception() {
  if (std::exception_ptr current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const Xapian::Error& e) {
      std::fprintf(stderr, "==tec-fuzz== uncaught Xapian::%s: %s\n", e.get_type(), e.get_description().c_str());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "==tec-fuzz== uncaught exception (%s): %s\n", typeid(e).name(), e.what());
    } catch (...) {
      std::fprintf(stderr, "==tec-fuzz== uncaught exception of unknown type\n");
    }
  } else {
    std::fprintf(stderr, "==tec-fuzz== std::terminate called without an exception\n");
  }
  std::fflush(stderr);
  std::abort();
}

inline void install_terminate_handler() { std::set_terminate(report_uncaught_exception); }

// A fresh folder /tmp/<stem>-XXXXXX, removed with its content when the
// process exits normally (a crash leaves it: run.sh cleans those up).
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& stem) {
    std::string pattern = (std::filesystem::temp_directory_path() / (stem + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string str(const std::string& child = "") const {
    return child.empty() ? path_.string() : (path_ / child).string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace tec::fuzz
