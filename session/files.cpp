// session/files.cpp — opening by path, recent files, dropped paths, the Perfetto export.
#include "session/files.h"

#include "session/controller.h"
#include "session/file_browser.h"
#include "session/scenario_catalog.h"
#include "trace/recorder.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace rdv::session {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

std::vector<std::string> Files::recent() const {
  return split_recent(settings_.setting("recent"));
}

void Files::remember(const std::string& path) {
  std::error_code ec;
  const std::string abs = std::filesystem::absolute(path, ec).string();
  std::vector<std::string> list = recent();
  list.erase(std::remove(list.begin(), list.end(), abs), list.end());
  list.insert(list.begin(), abs);
  if (list.size() > kMaxRecent) list.resize(kMaxRecent);
  std::string joined;
  for (const auto& p : list) {
    if (p.find(';') != std::string::npos) continue;  // cannot be stored in the list
    joined += joined.empty() ? p : ";" + p;
  }
  settings_.set_setting("recent", joined);
}

bool Files::open(const std::string& path, std::string* error) {
  // Called again by the before-open hook (which opens the file itself): keep its error.
  if (in_before_open_ && error == nullptr) error = &hook_error_;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (error != nullptr) *error = path + ": no such file";
    return false;
  }
  if (before_open_ && !in_before_open_) {
    // The hook opens the file itself by calling open() again, now or once answered.
    in_before_open_ = true;
    hook_error_.clear();
    const bool now = before_open_(path);
    in_before_open_ = false;
    if (!now) return true;  // asked first; opened once answered
    if (error != nullptr && !hook_error_.empty()) *error = hook_error_;
    return hook_error_.empty();
  }
  if (ends_with(path, ".rdv.jsonl") || ends_with(path, ".jsonl")) {
    if (!controller_.open_trace(path, error)) return false;
    browser_.deselect();  // the list no longer highlights the scenario shown before
  } else if (ends_with(path, ".lua") || ends_with(path, ".go")) {
    browser_.open(path);
    if (!browser_.source_error().empty()) {
      if (error != nullptr) *error = browser_.source_error();
      return false;
    }
  } else {
    if (error != nullptr) *error = path + ": not a scenario (.lua, .go) or a trace (.rdv.jsonl)";
    return false;
  }
  remember(path);
  message_ = "opened " + path;
  return true;
}

void Files::drop(std::vector<std::string> paths) {
  dropped_.insert(dropped_.end(), paths.begin(), paths.end());
}

void Files::open_dropped() {
  // Several files dropped at once: each is opened in turn, the last one stays open; the first
  // error is kept for the status line.
  std::string first_error;
  for (const std::string& p : dropped_) {
    std::string error;
    if (!open(p, &error) && first_error.empty()) first_error = error;
  }
  dropped_.clear();
  if (!first_error.empty()) message_ = first_error;
}

bool Files::export_perfetto(const std::string& path, std::string* error, trace::TimeAxis axis) {
  const model::Model& m = controller_.model();
  if (m.size() == 0) {
    if (error != nullptr) *error = "nothing to export: the run has no events yet";
    return false;
  }
  if (path.empty()) {
    if (error != nullptr) *error = "give a file name, e.g. run.perfetto.json";
    return false;
  }
  trace::Footer footer;
  footer.outcome = m.head().outcome;
  footer.message = std::string(m.str(m.head().message));
  const trace::Trace t = trace::make_trace(
      m.header(), m.events(), [&](sim::StrId id) { return m.str(id); }, footer);
  if (auto s = trace::export_perfetto(t, path, trace::PerfettoOptions{axis}); !s) {
    if (error != nullptr) *error = s.error();
    return false;
  }
  message_ = "exported " + path + " (open it in ui.perfetto.dev)";
  return true;
}

}  // namespace rdv::session
