// session/file_browser.h — the logic of File ▸ Open's file browser, without ImGui (tested
// headless).
//
// - A FileBrowser is one folder's listing at a time: its sub-folders first, then the files the
//   filter lets through, each group in natural order ("2.9" before "2.10"); names starting with
//   '.' are left out. The filter is Openable (.go, .lua, .rdv.jsonl: what File ▸ Open can open)
//   or All.
// - A folder that cannot be listed (missing, not a folder, no permission) keeps the browser
//   where it is asked to be, with an empty listing and error() naming the folder and the reason.
// - Places are where a person starts: the shipped scenarios, the home folder, the working
//   folder, then the folders of the recent files (most recent first, each once).
// - submit(text) is the path field: a folder (absolute, or relative to the folder shown) is
//   browsed, a file is returned to open, anything else is an error.
// - Recent files are one string of ';'-separated absolute paths (the shell's "recent" setting):
//   split_recent / push_recent keep at most kMaxRecent, most recent first, each once.
//
// Example:
//   FileBrowser b;
//   b.browse("/home/ann/course");
//   for (const FileEntry& e : b.entries()) ...;      // folders, then .go/.lua/.rdv.jsonl files
//   if (auto file = b.activate(3)) open(*file);       // a folder is browsed, a file returned
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rdv::session {

inline constexpr std::size_t kMaxRecent = 8;

enum class FileFilter { Openable, All };

// True for the names File ▸ Open can open: *.go, *.lua, *.rdv.jsonl.
bool openable_name(const std::string& name);

struct FileEntry {
  std::string name;         // the file or folder name, without its folder
  bool folder = false;      // a folder (or a link to one)
  std::uintmax_t size = 0;  // bytes, for files
};

struct Place {
  std::string label;  // "Scenarios", "Home", "Working folder", or the folder's own path
  std::filesystem::path dir;
};

// The recent files, most recent first; "" gives none.
std::vector<std::string> split_recent(const std::string& joined);
// `path` (made absolute) put first in `joined`, without its older copy, at most kMaxRecent; a
// path holding ';' cannot be stored and is left out.
std::string push_recent(const std::string& joined, const std::string& path);

// Where to start: the scenarios folder, home and the working folder (those that exist), then
// the folders of `recent_files` that exist, each folder once.
std::vector<Place> places(const std::filesystem::path& scenarios, const std::filesystem::path& home,
                          const std::filesystem::path& working,
                          const std::vector<std::string>& recent_files);

class FileBrowser {
 public:
  // - Lists `dir` (made absolute and normal). False with error() set when it cannot be listed.
  bool browse(const std::filesystem::path& dir);
  // - Lists the folder shown again (after a change of filter, or files changed on disk).
  void refresh() { browse(dir_); }
  // - The parent folder; false at the root.
  bool up();
  void set_filter(FileFilter f);
  FileFilter filter() const { return filter_; }

  // - Entry `i`: a folder is browsed (nullopt), a file's full path is returned to be opened.
  std::optional<std::filesystem::path> activate(std::size_t i);
  // - The typed path: a folder is browsed (nullopt), an existing file is returned, anything else
  //   sets error() ("…: no such file or folder") and returns nullopt. Relative to dir().
  std::optional<std::filesystem::path> submit(const std::string& text);

  const std::filesystem::path& dir() const { return dir_; }
  const std::vector<FileEntry>& entries() const { return entries_; }
  const std::string& error() const { return error_; }
  std::size_t hidden_files() const { return hidden_files_; }  // files the filter left out

 private:
  std::filesystem::path dir_;
  std::vector<FileEntry> entries_;
  std::string error_;
  std::size_t hidden_files_ = 0;
  FileFilter filter_ = FileFilter::Openable;
};

}  // namespace rdv::session
