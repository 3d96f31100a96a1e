// session/autosave.cpp — atomic writes, the autosave folder and the unsaved-work decisions.
#include "session/autosave.h"

#include "session/scenario_catalog.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "script/read_file.h"
#include "script/scenario_header.h"

namespace rdv::session {

namespace {

std::string errno_text(const std::string& what, int err) {
  return what + ": " + std::strerror(err);
}

// 64-bit FNV-1a: a stable name for a path (std::hash may change between builds).
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string absolute_of(const std::string& path) {
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

}  // namespace

bool write_file_atomic(const std::filesystem::path& path, std::string_view data, std::string* error,
                       const std::function<void(std::size_t)>& after_chunk) {
  auto fail = [&](const std::string& message) {
    if (error != nullptr) *error = message;
    return false;
  };
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const std::filesystem::path tmp =
      folder / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail(errno_text("cannot write " + path.string(), errno));
  constexpr std::size_t kChunk = 64 * 1024;
  std::size_t done = 0;
  while (done < data.size()) {
    const std::size_t n = std::min(kChunk, data.size() - done);
    const ssize_t w = ::write(fd, data.data() + done, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      const int err = w < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(errno_text("cannot write " + path.string(), err));
    }
    done += static_cast<std::size_t>(w);
    if (after_chunk) after_chunk(done);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return fail(errno_text("cannot write " + path.string(), err));
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return fail(errno_text("cannot write " + path.string(), err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return fail(errno_text("cannot replace " + path.string(), err));
  }
  // The rename itself reaches the disk with the folder's entry.
  if (const int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

std::filesystem::path autosave_dir() {
  namespace fs = std::filesystem;
  if (const char* state = std::getenv("XDG_STATE_HOME");
      state != nullptr && fs::path(state).is_absolute())
    return fs::path(state) / "rendezvous" / "autosave";
  if (const char* home = std::getenv("HOME"); home != nullptr && fs::path(home).is_absolute())
    return fs::path(home) / ".local" / "state" / "rendezvous" / "autosave";
  return {};
}

// ---- Autosave -----------------------------------------------------------------------------------

std::filesystem::path Autosave::file_for(const std::string& scenario) const {
  if (dir_.empty() || scenario.empty()) return {};
  const std::string abs = absolute_of(scenario);
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(abs)));
  // The scenario's own extension (.lua or .go), so the autosave opens as what it is.
  const std::string ext = std::filesystem::path(abs).extension().string();
  return dir_ / (std::filesystem::path(abs).stem().string() + "-" + hash +
                 (ext == ".go" ? ".go" : ".lua"));
}

bool Autosave::write(const std::string& scenario, std::string_view text, std::string* error) const {
  const auto file = file_for(scenario);
  if (file.empty()) {
    if (error != nullptr) *error = "no folder for autosaves (neither XDG_STATE_HOME nor HOME)";
    return false;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) {
    if (error != nullptr) *error = "cannot make " + dir_.string() + ": " + ec.message();
    return false;
  }
  return write_file_atomic(file, text, error);
}

std::optional<std::string> Autosave::read(const std::string& scenario) const {
  const auto file = file_for(scenario);
  if (file.empty()) return std::nullopt;
  Result<std::string> text =
      script::read_regular_file(file.string(), script::kMaxScenarioFileBytes);
  if (!text) return std::nullopt;
  return std::move(*text);
}

void Autosave::remove(const std::string& scenario) const {
  const auto file = file_for(scenario);
  std::error_code ec;
  if (!file.empty()) std::filesystem::remove(file, ec);
}

// ---- UnsavedWork --------------------------------------------------------------------------------

void UnsavedWork::begin(std::string path, std::string disk_text) {
  path_ = std::move(path);
  disk_ = std::move(disk_text);
  text_ = disk_;
  changed_.reset();
  error_.clear();
}

void UnsavedWork::set_text(std::string text, Clock::time_point now) {
  if (!active() || text == text_) return;
  text_ = std::move(text);
  changed_ = now;
}

bool UnsavedWork::save(std::string* error) {
  if (!active()) return true;
  if (!write_file_atomic(path_, text_, error)) return false;
  disk_ = text_;
  changed_.reset();
  autosave_.remove(path_);
  return true;
}

void UnsavedWork::discard() {
  if (!active()) return;
  text_ = disk_;
  changed_.reset();
  autosave_.remove(path_);
}

void UnsavedWork::close() {
  path_.clear();
  disk_.clear();
  text_.clear();
  changed_.reset();
}

bool UnsavedWork::tick(Clock::time_point now) {
  if (!changed_ || now - *changed_ < kAutosaveDelay) return false;
  changed_.reset();
  if (!dirty()) {
    autosave_.remove(path_);  // edited back to the disk's text: nothing to keep
    return false;
  }
  std::string error;
  if (!autosave_.write(path_, text_, &error)) {
    autosave_error_ = error;
    return false;
  }
  autosave_error_.clear();
  return true;
}

std::optional<std::string> UnsavedWork::restorable(const std::string& path,
                                                   const std::string& disk_text) const {
  auto text = autosave_.read(path);
  if (!text || *text == disk_text) return std::nullopt;
  return text;
}

bool UnsavedWork::run_or_ask(std::function<void()> action) {
  if (!dirty()) {
    pending_ = nullptr;
    if (action) action();
    return true;
  }
  pending_ = std::move(action);
  if (!pending_) pending_ = [] {};
  error_.clear();
  return false;
}

void UnsavedWork::answer(Answer a) {
  if (!pending_) return;
  switch (a) {
    case Answer::Save:
      if (!save(&error_)) return;  // keep asking: the modal shows why
      break;
    case Answer::Discard:
      discard();
      break;
    case Answer::Cancel:
      pending_ = nullptr;
      return;
  }
  error_.clear();
  auto action = std::move(pending_);
  pending_ = nullptr;
  action();
}

bool allow_switch(UnsavedWork& work, Browser& browser) {
  const std::string next = browser.selected_entry() == nullptr
                               ? std::string()
                               : absolute_of(browser.shown_path().string());
  if (!work.active() || next == absolute_of(work.path())) return true;
  if (!work.dirty()) {
    work.close();
    return true;
  }
  // Put the edited file back on show (its entry, and its tab when it is a Lua twin) until the
  // user has decided; then show what they asked for.
  const int wanted = browser.selected();
  const bool wanted_twin = browser.showing_twin();
  if (browser.find(work.path()) >= 0) browser.open(work.path());
  work.run_or_ask([&browser, wanted, wanted_twin] {
    browser.select(wanted);
    browser.show_twin(wanted_twin);
  });
  return false;
}

}  // namespace rdv::session
