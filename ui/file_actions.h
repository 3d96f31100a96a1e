// ui/file_actions.h — opening scenarios and traces, saving traces, recent files, drag and drop.
//
// - Open (Ctrl+O): a small modal with a path field and the recent files; a .lua opens as a
//   scenario (listed in the browser), a .rdv.jsonl as a recorded trace.
// - Save trace (Ctrl+S): a modal with a path field, suggested from the scenario and seed.
// - Recent files: the last eight opened, kept in the shell's saved settings ("recent").
// - Drop: paths dropped on the window (GLFW's drop callback) are opened on the next frame.
// Errors (unreadable file, malformed trace: "file:line: why") are shown in the modal or the
// status line, never thrown.
#pragma once

#include "ui/controller.h"
#include "ui/scenario_catalog.h"
#include "ui/shell.h"

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
  void request_save() { save_requested_ = true; }
  // - Queues paths dropped on the window (called from the GLFW callback, on the main thread).
  void drop(std::vector<std::string> paths);

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
  std::vector<std::string> dropped_;
  char path_buf_[1024] = {};
  std::string modal_error_;
  std::string message_;
};

}  // namespace rdv::ui
