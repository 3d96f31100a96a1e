// session/scenario_catalog.h — the scenarios the browser lists, and the one that is open.
//
// - A catalogue is a folder's *.lua and *.go files and those of its subfolders one level down
//   (scenarios/seed/: the seed text's Go snippets) with their headers (read without running
//   them), in chapter order: file names start with the chapter, compared as numbers ("2.10"
//   after "2.9"), so a subfolder's files are listed among the folder's under their chapter.
// - A file whose header does not load is still listed, with the error (file:line) instead of a
//   title, so a broken scenario is visible rather than missing.
// - A scenario written both ways (X.go and X.lua side by side) is one entry, the Go program,
//   with the Lua file as its twin: the Source pane offers it as a second tab (show_twin), and
//   opening either file selects the one entry.
// - No ImGui here: the panels draw a Browser; tests build one from a temporary folder.
#pragma once

#include "script/scenario_header.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rdv::session {

struct ScenarioEntry {
  std::filesystem::path path;
  std::optional<script::ScenarioHeader> header;  // set when the header loaded
  std::string error;                             // "file:line: message" otherwise
  // The same scenario in Lua (X.lua beside the Go program X.go); empty when there is none.
  std::filesystem::path lua_twin;
  // The title, or the file name when the header did not load.
  std::string display_title() const;
};

// Compares file names with digit runs as numbers: "2.9-x" < "2.10-y".
bool natural_less(const std::string& a, const std::string& b);

// Finds the scenarios folder when none is given on the command line, trying in order:
// <exe dir>/../share/rendezvous/scenarios (installed), the source tree's scenarios/ (a build
// tree), ./scenarios. Returns an empty path when none exists.
std::filesystem::path find_scenarios_dir(const std::filesystem::path& exe_dir);

// The browser's document: the catalogue and the selected scenario's source.
class Browser {
 public:
  // - Lists `dir`'s *.lua and *.go files and its subfolders'; an unreadable folder leaves the
  //   list empty and sets error().
  void scan(const std::filesystem::path& dir);
  // - Adds one file (a FILE given on the command line outside the folder) unless listed;
  //   returns its index.
  int add_file(const std::filesystem::path& file);
  // - Index of the entry of `file` (its path or its Lua twin), or -1.
  int find(const std::filesystem::path& file) const;
  // - Adds `file` unless listed, selects its entry and shows `file` itself (the Lua twin when
  //   that is what was given); returns the index.
  int open(const std::filesystem::path& file);

  // - Selects entry `i` and loads its source (an I/O error becomes source_error()).
  void select(int i);
  // - Selects nothing (a recorded trace is open, not a listed scenario).
  void deselect();
  // - Shows the selected entry's Lua twin (true) or its own file (false), loading its source;
  //   nothing happens when the entry has no twin or it is shown already.
  void show_twin(bool lua);
  bool showing_twin() const { return showing_twin_; }
  // - The file whose source() is loaded: the selected entry's path, or its Lua twin.
  std::filesystem::path shown_path() const;

  const std::vector<ScenarioEntry>& entries() const { return entries_; }
  const std::filesystem::path& dir() const { return dir_; }
  const std::string& error() const { return error_; }
  int selected() const { return selected_; }
  const ScenarioEntry* selected_entry() const;
  const std::string& source() const { return source_; }
  const std::string& source_error() const { return source_error_; }
  // - Incremented whenever the selection or the source changes (views cache by it).
  unsigned revision() const { return revision_; }

 private:
  std::filesystem::path dir_;
  std::vector<ScenarioEntry> entries_;
  std::string error_;
  int selected_ = -1;
  bool showing_twin_ = false;
  std::string source_;
  std::string source_error_;
  unsigned revision_ = 0;
  void load_source(const std::filesystem::path& path);
};

}  // namespace rdv::session
