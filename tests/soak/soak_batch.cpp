// rdv_soak_batch — the controlled-mode part of tools/soak.sh for one scenario and a range of
// seeds, in one process instead of a shell script and three processes per seed.
//
// Each command is still run in a process of its own, forked from this one (which never runs a
// scenario itself, so it has a single thread when it forks): the child calls
// rdv::cli::run_headless() — the very code of `rendezvous-cli run` / `replay` — and exits with
// its code. So a crash or a hang costs one seed, not the batch, and each run starts from the same
// fresh state a new process would. What is saved is exec, dynamic linking and the shell.
//
//   rdv_soak_batch SCENARIO FIRST LAST TIMEOUT_S WORK_DIR FAILURE_DIR
// Prints one line per seed, as tools/soak.sh's workers do:
//   STATUS controlled NAME SEED RUNS DETAIL   (STATUS: ok crash hang sanitizer divergence)
// Not for ThreadSanitizer builds (TSan does not allow threads after a fork): tools/soak.sh runs
// the live part, the one meant for TSan, as separate processes.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "tests/support/read_file.h"

namespace {

volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_timed_out = 0;

void on_alarm(int) {
  if (g_child > 0) {
    g_timed_out = 1;
    kill(static_cast<pid_t>(g_child), SIGKILL);
  }
}

using rdv::test::read_file;

bool has_sanitizer_report(const std::string& err) {
  for (const char* s : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                        "WARNING: ThreadSanitizer", "runtime error:"}) {
    if (err.find(s) != std::string::npos) return true;
  }
  return false;
}

struct Outcome {
  std::string status = "ok";  // ok crash hang sanitizer
  int code = 0;
  std::string err;
};

// Runs `rendezvous-cli ARGS...` in a forked child, stdout to /dev/null and stderr to err_path,
// killing it after timeout_s seconds.
Outcome run_child(std::vector<std::string> args, const std::string& err_path, unsigned timeout_s) {
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("rdv_soak_batch: fork");
    std::exit(1);
  }
  if (pid == 0) {
    const int out = open("/dev/null", O_WRONLY);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0) _exit(120);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    args.insert(args.begin(), "rendezvous-cli");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = rdv::cli::run_headless(static_cast<int>(args.size()), argv.data());
    std::fflush(stdout);
    std::fflush(stderr);
    std::exit(rc);  // exit, not _exit: atexit handlers (LSan's leak check) run as in a process
  }
  g_timed_out = 0;
  g_child = pid;
  alarm(timeout_s);
  int st = 0;
  while (waitpid(pid, &st, 0) < 0) {
  }
  alarm(0);
  g_child = 0;
  Outcome o;
  o.err = read_file(err_path);
  if (has_sanitizer_report(o.err)) {
    o.status = "sanitizer";
  } else if (g_timed_out) {
    o.status = "hang";
  } else if (WIFSIGNALED(st)) {
    o.status = "crash";
    o.code = 128 + WTERMSIG(st);
  } else {
    o.code = WEXITSTATUS(st);
    if (o.code != 0 && o.code != 2) o.status = "crash";
  }
  return o;
}

std::string one_line(std::string s) {
  if (s.size() > 200) s.resize(200);
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr,
                 "usage: rdv_soak_batch SCENARIO FIRST LAST TIMEOUT_S WORK_DIR FAILURE_DIR\n");
    return 1;
  }
  const std::string scenario = argv[1];
  const unsigned long long first = std::strtoull(argv[2], nullptr, 10);
  const unsigned long long last = std::strtoull(argv[3], nullptr, 10);
  const auto timeout_s = static_cast<unsigned>(std::strtoul(argv[4], nullptr, 10));
  const std::filesystem::path name = std::filesystem::path(scenario).stem();
  // A folder of its own: other batches of the same scenario run at the same time.
  const std::filesystem::path work =
      std::filesystem::path(argv[5]) /
      (name.string() + "-" + std::to_string(first) + "-" + std::to_string(getpid()));
  const std::filesystem::path failures = argv[6];
  std::filesystem::create_directories(work);

  struct sigaction sa {};
  sa.sa_handler = on_alarm;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, nullptr);

  for (unsigned long long seed = first; seed <= last; ++seed) {
    const std::string s = std::to_string(seed);
    const std::string a = (work / "a.rdv.jsonl").string(), b = (work / "b.rdv.jsonl").string();
    std::string status = "ok", detail;
    int runs = 0;
    for (const auto& [out, tag] : {std::pair{a, "a"}, std::pair{b, "b"}}) {
      const Outcome o =
          run_child({"run", scenario, "--seed", s, "-q", "--trace", out},
                    (work / (std::string("run-") + tag + ".err")).string(), timeout_s);
      ++runs;
      if (o.status != "ok") {
        status = o.status;
        detail =
            std::string("run ") + tag + " rc=" + std::to_string(o.code) + ": " + one_line(o.err);
        break;
      }
    }
    if (status == "ok" && read_file(a) != read_file(b)) {
      status = "divergence";
      detail = "the two runs' traces differ";
    }
    if (status == "ok") {
      const Outcome o = run_child({"replay", a, "-q"}, (work / "replay.err").string(), timeout_s);
      ++runs;
      if (o.status != "ok") {
        status = o.status;
      } else if (o.code != 0 || o.err.find("reproduced exactly") == std::string::npos) {
        status = "divergence";
      }
      if (status != "ok") detail = "replay rc=" + std::to_string(o.code) + ": " + one_line(o.err);
    }
    if (status != "ok") {
      const std::filesystem::path keep = failures / (name.string() + "-controlled-" + s);
      std::filesystem::create_directories(keep);
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(work, ec))
        std::filesystem::copy(e.path(), keep / e.path().filename(),
                              std::filesystem::copy_options::overwrite_existing, ec);
    }
    std::printf("%s controlled %s %llu %d %s\n", status.c_str(), name.c_str(), seed, runs,
                detail.c_str());
    std::fflush(stdout);
  }
  std::filesystem::remove_all(work);
  return 0;
}
