// tests/support/full_disk.h — a disk that fills up, for tests of what a full disk does to a
// write: a child process with a small private tmpfs over a folder. Header-only (doctest, POSIX).
#pragma once

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>
#include <functional>
#include <string>

namespace rdv::test {

// Runs `body` in a child process whose file-system view has `dir` replaced by a tmpfs of
// `bytes` (a private mount namespace: as root, or through a user namespace). Falls back to a
// file-size limit (RLIMIT_FSIZE, write fails with EFBIG) when no tmpfs can be mounted. The
// child's report (what body returns) comes back through a pipe; `how` says which was used.
inline std::string in_full_disk(const std::string& dir, std::size_t bytes, std::string* how,
                                const std::function<std::string()>& body) {
  int p[2];
  REQUIRE(pipe(p) == 0);
  const pid_t pid = fork();
  if (pid == 0) {
    close(p[0]);
    std::string mode = "tmpfs";
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    bool ns = unshare(CLONE_NEWNS) == 0;
    if (!ns && unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0) {
      ns = true;
      auto put = [](const char* file, const std::string& text) {
        const int fd = open(file, O_WRONLY);
        if (fd >= 0) {
          (void)!write(fd, text.data(), text.size());
          close(fd);
        }
      };
      put("/proc/self/setgroups", "deny");
      put("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
      put("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
    }
    const std::string opts = "size=" + std::to_string(bytes);
    if (!ns || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) != 0) {
      mode = "rlimit";
      signal(SIGXFSZ, SIG_IGN);
      rlimit lim{bytes, bytes};
      setrlimit(RLIMIT_FSIZE, &lim);
    }
    const std::string out = mode + "\n" + body();
    (void)!write(p[1], out.data(), out.size());
    _exit(0);
  }
  close(p[1]);
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = read(p[0], buf, sizeof buf)) > 0;)
    got.append(buf, static_cast<std::size_t>(n));
  close(p[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  const std::size_t nl = got.find('\n');
  *how = got.substr(0, nl);
  return nl == std::string::npos ? std::string() : got.substr(nl + 1);
}

}  // namespace rdv::test
