// ui/file_actions.h — the File menu and its modals over session/files.h (which opens by path,
// keeps the recent files and the dropped paths, and exports to Perfetto).
//
// - Open (Ctrl+O): a file browser (session/file_browser.h: folders, a .go/.lua/.rdv.jsonl filter,
//   places, recent files) with a path field that still takes a typed path; a .lua or .go file
//   opens as a scenario (listed in the scenario list), a .rdv.jsonl as a recorded trace.
// - Save trace (Ctrl+S): a modal with a path field, suggested from the scenario and seed.
// - Export to Perfetto (Ctrl+E): a modal with a path field and the time axis (trace/perfetto.h);
//   the file opens in ui.perfetto.dev. A run still going is exported as recorded so far.
// - Recent files: the last eight opened, kept in the shell's saved settings ("recent").
// - Drop: paths dropped on the window (GLFW's drop callback) are opened on the next frame.
// Errors (unreadable file, malformed trace: "file:line: why") are shown in the modal or the
// status line, never thrown.
#pragma once

#include "session/controller.h"
#include "session/file_browser.h"
#include "session/files.h"
#include "session/scenario_catalog.h"
#include "ui/shell.h"

#include "trace/perfetto.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace rdv::ui {

class FileActions : public session::Files {
 public:
  FileActions(session::Controller& controller, session::Browser& browser, Shell& shell)
      : session::Files(controller, browser, shell) {}

  void request_open() { open_requested_ = true; }
  // - Opens the dialog at `dir` (rather than the folder of the file shown).
  void request_browse(std::filesystem::path dir) {
    open_requested_ = true;
    browse_dir_ = std::move(dir);
  }
  // - The Open dialog's browser (the folder it shows, its filter), for tests and --browse.
  session::FileBrowser& file_browser() { return file_browser_; }
  bool open_dialog_shown() const { return open_shown_; }
  void request_save() { save_requested_ = true; }
  void request_export() { export_requested_ = true; }

  // - The File menu's items.
  void draw_file_menu();
  // - The modals and the dropped files; call once per frame inside the shell's frame.
  void draw();

 private:
  void draw_open_dialog();

  bool open_requested_ = false;
  bool open_shown_ = false;            // the Open dialog was drawn this frame
  session::FileBrowser file_browser_;  // the Open dialog's folder
  int file_selected_ = -1;             // the listing's selected row
  std::filesystem::path browse_dir_;   // request_browse()'s folder, until the dialog opens
  bool save_requested_ = false;
  bool export_requested_ = false;
  int export_axis_ = 0;  // 0 auto, 1 time, 2 steps (trace::TimeAxis order)
  char path_buf_[1024] = {};
  std::string modal_error_;
};

}  // namespace rdv::ui
