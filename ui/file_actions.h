// ui/file_actions.h — the File menu and its modals over session/files.h (which opens by path,
// keeps the recent files and the dropped paths, and exports to Perfetto).
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
#include "session/files.h"
#include "session/scenario_catalog.h"
#include "ui/shell.h"

#include "trace/perfetto.h"

#include <functional>
#include <string>
#include <vector>

namespace rdv::ui {

class FileActions : public Files {
 public:
  FileActions(Controller& controller, Browser& browser, Shell& shell)
      : Files(controller, browser, shell) {}

  void request_open() { open_requested_ = true; }
  void request_save() { save_requested_ = true; }
  void request_export() { export_requested_ = true; }

  // - The File menu's items.
  void draw_file_menu();
  // - The modals and the dropped files; call once per frame inside the shell's frame.
  void draw();

 private:
  bool open_requested_ = false;
  bool save_requested_ = false;
  bool export_requested_ = false;
  int export_axis_ = 0;  // 0 auto, 1 time, 2 steps (trace::TimeAxis order)
  char path_buf_[1024] = {};
  std::string modal_error_;
};

}  // namespace rdv::ui
