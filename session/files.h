// session/files.h — File ▸ Open's logic without ImGui: opening scenarios and traces by path,
// the recent files, paths dropped on the window, and the Perfetto export. ui/file_actions.h
// adds the File menu and its modals.
//
// - open(path): a .lua opens as a scenario (listed in the browser), a .rdv.jsonl as a recorded
//   trace; anything else is refused with a message. A before-open hook may put it off (an
//   unsaved edit is asked about first).
// - Recent files: the last eight opened, kept in a SettingsStore ("recent"; the shell stores
//   it in imgui.ini).
// Errors (unreadable file, malformed trace: "file:line: why") are returned or kept in
// message(), never thrown.
#pragma once

#include "trace/perfetto.h"

#include <functional>
#include <string>
#include <vector>

namespace rdv::session {

class Browser;
class Controller;

// Named strings kept between runs of the app (ui::Shell keeps them in imgui.ini).
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  // "" when never set.
  virtual const std::string& setting(const std::string& key) const = 0;
  virtual void set_setting(const std::string& key, std::string value) = 0;
};

class Files {
 public:
  Files(Controller& controller, Browser& browser, SettingsStore& settings)
      : controller_(controller), browser_(browser), settings_(settings) {}

  // - Opens `path` by its extension; false with `error` set when it cannot be opened.
  bool open(const std::string& path, std::string* error);
  // - Optional: asked before open() replaces what is shown; returning false puts the open off
  //   (the hook opens the file itself later, e.g. once an unsaved edit is saved or discarded).
  void set_before_open(std::function<bool(const std::string& path)> hook) {
    before_open_ = std::move(hook);
  }
  // - Writes the current run (or trace) as Chrome Trace Event JSON for Perfetto; false with
  //   `error` naming the path and the reason (unwritable folder, nothing to export).
  bool export_perfetto(const std::string& path, std::string* error,
                       trace::TimeAxis axis = trace::TimeAxis::Auto);
  // - Queues paths dropped on the window (called from the GLFW callback, on the main thread).
  void drop(std::vector<std::string> paths);
  // - Opens the dropped paths (the UI calls it each frame); errors go to message().
  void open_dropped();

  const std::string& message() const { return message_; }  // last error or confirmation
  std::vector<std::string> recent() const;

 protected:
  // - Puts `path` first in the recent files.
  void remember(const std::string& path);

  Controller& controller_;
  Browser& browser_;
  SettingsStore& settings_;
  std::string message_;

 private:
  std::vector<std::string> dropped_;
  std::function<bool(const std::string&)> before_open_;
  bool in_before_open_ = false;  // the hook is running (its open() call opens for real)
  std::string hook_error_;       // that call's error
};

}  // namespace rdv::session
