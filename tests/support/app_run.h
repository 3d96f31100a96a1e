// tests/support/app_run.h — running the app from a test, under xvfb-run when there is no
// display. Header-only: the test defines RDV_EXE (the app) and, under a sanitizer, RDV_APP_ENV.
#pragma once

#include "tests/support/process.h"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace rdv::test {

// How to run it.
struct AppRun {
  // Without a display the app gets its own Xvfb; -a picks a free server number from
  // display_base + (pid + display_offset) % 800, so tests running at once start apart.
  int display_offset = 0;
  int display_base = 100;
  std::vector<std::string> env;  // "NAME=value" words (RDV_APP_ENV is added)
  int seconds = 0;               // > 0: the app is stopped after that long (exit code 124)
};

inline ProcessResult run_app(const std::vector<std::string>& args, const AppRun& how) {
  std::vector<std::string> argv;
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || display[0] == '\0') {
    for (std::string a : {"xvfb-run", "-a", "-n"}) argv.push_back(a);
    argv.push_back(std::to_string(how.display_base + (::getpid() + how.display_offset) % 800));
    argv.emplace_back("-s");
    argv.emplace_back("-screen 0 1920x1080x24");
  }
  if (how.seconds > 0) {
    // Inside xvfb-run, so only the app is stopped and xvfb-run still cleans up its server.
    for (std::string a : {"timeout", "-k", "5"}) argv.push_back(a);
    argv.push_back(std::to_string(how.seconds));
  }
  argv.emplace_back(RDV_EXE);
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> env = how.env;
#ifdef RDV_APP_ENV
  env.emplace_back(RDV_APP_ENV);
#endif
  return run_process(argv, env);
}

inline ProcessResult run_app(const std::vector<std::string>& args, int display_offset) {
  AppRun how;
  how.display_offset = display_offset;
  return run_app(args, how);
}

}  // namespace rdv::test
