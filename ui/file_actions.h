// ui/file_actions.h — opening scenarios and traces, saving traces, recent files, drag and drop.
//
// - Open (Ctrl+O): a small modal with a path field and the recent files; a .lua opens as a
//   scenario (listed in the browser), a .rdv.jsonl as a recorded trace.
// - Save trace (Ctrl+S): a modal with a path field, suggested from the scenario and seed.
// - Export to Perfetto (Ctrl+E): a modal with a path field and the time axis (trace/perfetto.h);
//   the file opens in ui.perfetto.dev. A run still going is exported as recorded so far.
// - Recent files: the last eight opened, kept in the shell's saved settings ("recent").
// - Drop: paths dropped on the window (GLFW's drop callback) are opened on the next frame.
// Errors (unreadable file, malformed trace: "file:line: why") are shown in the modal or the
// status line, never thrown.
#pragma once

#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "ui/shell.h"

#include "trace/perfetto.h"

#include <functional>
#include <string>
#include <vector>

namespace rdv::ui {

class FileActions {
 public:
  FileActions(Controller& controller, Browser& browser, Shell& shell)
      : controller_(controller), browser_(browser), shell_(shell) {}

  // - Opens `path` by its extension; false with `error` set when it cannot be opened.
  bool open(const std::string& path, std::string* error);
  void request_open() { open_requested_ = true; }
  // - Optional: asked before open() replaces what is shown; returning false puts the open off
  //   (the hook opens the file itself later, e.g. once an unsaved edit is saved or discarded).
  void set_before_open(std::function<bool(const std::string& path)> hook) {
    before_open_ = std::move(hook);
  }
  void request_save() { save_requested_ = true; }
  void request_export() { export_requested_ = true; }
  // - Writes the current run (or trace) as Chrome Trace Event JSON for Perfetto; false with
  //   `error` naming the path and the reason (unwritable folder, nothing to export).
  bool export_perfetto(const std::string& path, std::string* error,
                       trace::TimeAxis axis = trace::TimeAxis::Auto);
  // - Queues paths dropped on the window (called from the GLFW callback, on the main thread).
  void drop(std::vector<std::string> paths);
  // - Opens the dropped paths (draw() calls it each frame); errors go to message().
  void open_dropped();

  // - The File menu's items.
  void draw_file_menu();
  // - The modals and the dropped files; call once per frame inside the shell's frame.
  void draw();

  const std::string& message() const { return message_; }  // last error or confirmation
  std::vector<std::string> recent() const;

 private:
  void remember(const std::string& path);

  Controller& controller_;
  Browser& browser_;
  Shell& shell_;
  bool open_requested_ = false;
  bool save_requested_ = false;
  bool export_requested_ = false;
  int export_axis_ = 0;  // 0 auto, 1 time, 2 steps (trace::TimeAxis order)
  std::vector<std::string> dropped_;
  char path_buf_[1024] = {};
  std::string modal_error_;
  std::string message_;
  std::function<bool(const std::string&)> before_open_;
  bool in_before_open_ = false;  // the hook is running (its open() call opens for real)
  std::string hook_error_;       // that call's error
};

}  // namespace rdv::ui
