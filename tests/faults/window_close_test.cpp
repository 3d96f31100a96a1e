// Closing the window mid-run exits cleanly within 1 s (issue #10); under a sanitizer, whose own
// exit work is not the program's, within 10 s, with the time reported. The app is started on a
// scenario that keeps its tasks busy for minutes; once its window is up and the run is going,
// the test sends the window what a window manager sends when the person clicks the close box
// (a WM_DELETE_WINDOW client message), then times the exit. Runs on $DISPLAY, or on its own Xvfb.
#include <doctest/doctest.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tests/support/scratch.h"
#include "tests/support/x_window.h"  // after doctest: X11's macros (None) would break it

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // `env` overrides what this process has: an inherited entry of the same name is left out
  // (getenv returns the first one, so appending would not override, e.g. ASAN_OPTIONS).
  std::vector<char*> envp;
  for (const std::string& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const std::string_view name = entry.substr(0, entry.find('=') + 1);
    bool overridden = false;
    for (const std::string& o : env) overridden = overridden || o.starts_with(name);
    if (!overridden) envp.push_back(*e);
  }
  envp.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  return pid;
}

// The top-level window whose name contains "Rendezvous", or 0.
Window find_window(Display* d, Window w) {
  return rdv::test::find_window(d, w, [](const char* name) {
    return std::string(name).find("Rendezvous") != std::string::npos;
  });
}

// Waits for `pid` up to `d`; the exit status, or -1 (still running).
int wait_exit(pid_t pid, std::chrono::milliseconds d, int* status) {
  const auto until = Clock::now() + d;
  while (Clock::now() < until) {
    if (waitpid(pid, status, WNOHANG) == pid) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return -1;
}

}  // namespace

TEST_CASE("window: closing it mid-run exits cleanly within 1 s (10 s under a sanitizer)") {
  const fs::path dir = rdv::test::fresh_dir("close");
  fs::create_directories(dir / "config");
  const std::string script = (dir / "busy.lua").string();
  // Two tasks that compute between hand-offs: the run stays busy for minutes.
  std::ofstream(script) << "local ch = chan(0, 'work')\n"
                           "go('worker', function()\n"
                           "  while true do\n"
                           "    local x = 0\n"
                           "    for i = 1, 2000000 do x = x + i end\n"
                           "    ch:send(x)\n"
                           "  end\n"
                           "end)\n"
                           "while true do print(ch:recv()) end\n";

  pid_t xvfb = 0;
  std::string display = std::getenv("DISPLAY") != nullptr ? std::getenv("DISPLAY") : "";
  if (display.empty()) {
    const int n = 200 + static_cast<int>(getpid() % 500);
    display = ":" + std::to_string(n);
    xvfb = spawn({"/usr/bin/Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"}, {});
    const auto until = Clock::now() + std::chrono::seconds(10);
    while (!fs::exists("/tmp/.X11-unix/X" + std::to_string(n)) && Clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  Display* d = XOpenDisplay(display.c_str());
  REQUIRE(d != nullptr);

  std::vector<std::string> env = {"DISPLAY=" + display,
                                  "XDG_CONFIG_HOME=" + (dir / "config").string()};
#ifdef RDV_APP_ENV
  env.push_back(RDV_APP_ENV);
#endif
  const pid_t app = spawn({RDV_EXE, script, "--size", "1000x700"}, env);
  Window w = 0;
  const auto until = Clock::now() + std::chrono::seconds(60);
  while (w == 0 && Clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    w = find_window(d, DefaultRootWindow(d));
  }
  REQUIRE(w != 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the run is well under way
  int status = 0;
  REQUIRE(waitpid(app, &status, WNOHANG) == 0);  // still running

  const auto t0 = Clock::now();
  rdv::test::send_close_request(d, w);
  const bool exited = wait_exit(app, std::chrono::seconds(10), &status) == 0;  // the outer bound
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!exited) {
    kill(app, SIGKILL);
    waitpid(app, &status, 0);
  }
  MESSAGE("closing the window mid-run: the app exited after " << ms << " ms");
  CHECK(exited);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  WARN(ms <= 1000);  // reported; `exited` checked the 10 s (the 1 s is checked without sanitizer)
#else
  CHECK(ms <= 1000);
#endif
  XCloseDisplay(d);
  if (xvfb != 0) {
    kill(xvfb, SIGTERM);
    waitpid(xvfb, nullptr, 0);
  }
  fs::remove_all(dir);
}
