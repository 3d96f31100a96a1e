// session/file_browser.cpp — listing folders for File ▸ Open; see the header for the rules.
#include "session/file_browser.h"

#include "session/scenario_catalog.h"  // natural_less

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

namespace rdv::session {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Absolute and without "." / ".." parts; an error leaves the path as given.
fs::path normal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  abs = abs.lexically_normal();
  // "/a/b/" → "/a/b": the trailing separator would show as an empty last part.
  if (abs.has_relative_path() && abs.filename().empty()) abs = abs.parent_path();
  return abs;
}

std::string reason(const std::error_code& ec) {
  std::string m = ec.message();
  if (!m.empty()) m[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(m[0])));
  return m;
}

}  // namespace

bool openable_name(const std::string& name) {
  return ends_with(name, ".go") || ends_with(name, ".lua") || ends_with(name, ".rdv.jsonl");
}

std::vector<std::string> split_recent(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    const std::size_t end = std::min(joined.find(';', start), joined.size());
    if (end > start) out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string push_recent(const std::string& joined, const std::string& path) {
  const std::string abs = normal(path).string();
  std::vector<std::string> list = split_recent(joined);
  list.erase(std::remove(list.begin(), list.end(), abs), list.end());
  if (abs.find(';') == std::string::npos) list.insert(list.begin(), abs);
  if (list.size() > kMaxRecent) list.resize(kMaxRecent);
  std::string out;
  for (const auto& p : list) out += out.empty() ? p : ";" + p;
  return out;
}

std::vector<Place> places(const fs::path& scenarios, const fs::path& home, const fs::path& working,
                          const std::vector<std::string>& recent_files) {
  std::vector<Place> out;
  std::vector<fs::path> seen;
  auto add = [&](std::string label, const fs::path& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    const fs::path d = normal(dir);
    if (std::find(seen.begin(), seen.end(), d) != seen.end()) return;
    seen.push_back(d);
    out.push_back(Place{label.empty() ? d.string() : std::move(label), d});
  };
  add("Scenarios", scenarios);
  add("Home", home);
  add("Working folder", working);
  for (const std::string& f : recent_files) add("", fs::path(f).parent_path());
  return out;
}

bool FileBrowser::browse(const fs::path& dir) {
  dir_ = normal(dir);
  entries_.clear();
  error_.clear();
  hidden_files_ = 0;
  std::error_code ec;
  if (!fs::exists(dir_, ec)) {
    error_ = dir_.string() + ": no such folder";
    return false;
  }
  if (!fs::is_directory(dir_, ec)) {
    error_ = dir_.string() + ": not a folder";
    return false;
  }
  std::vector<FileEntry> folders, files;
  fs::directory_iterator it(dir_, ec);
  for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code e2;
    if (it->is_directory(e2)) {
      folders.push_back(FileEntry{std::move(name), true, 0});
      continue;
    }
    if (filter_ == FileFilter::Openable && !openable_name(name)) {
      ++hidden_files_;
      continue;
    }
    const std::uintmax_t size = it->is_regular_file(e2) ? it->file_size(e2) : 0;
    files.push_back(FileEntry{std::move(name), false, e2 ? 0 : size});
  }
  if (ec) {
    // Unreadable (no permission, an I/O error): say so rather than show a half listing.
    error_ = dir_.string() + ": " + reason(ec);
    hidden_files_ = 0;
    return false;
  }
  const auto by_name = [](const FileEntry& a, const FileEntry& b) {
    return natural_less(a.name, b.name);
  };
  std::sort(folders.begin(), folders.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  entries_ = std::move(folders);
  entries_.insert(entries_.end(), files.begin(), files.end());
  return true;
}

bool FileBrowser::up() {
  if (dir_.empty() || dir_ == dir_.root_path()) return false;
  return browse(dir_.parent_path());
}

void FileBrowser::set_filter(FileFilter f) {
  if (f == filter_) return;
  filter_ = f;
  refresh();
}

std::optional<fs::path> FileBrowser::activate(std::size_t i) {
  if (i >= entries_.size()) return std::nullopt;
  const FileEntry e = entries_[i];  // browse() replaces entries_
  if (e.folder) {
    browse(dir_ / e.name);
    return std::nullopt;
  }
  return dir_ / e.name;
}

std::optional<fs::path> FileBrowser::submit(const std::string& text) {
  if (text.empty()) return std::nullopt;
  fs::path p = text;
  if (text == "~" || text.starts_with("~/")) {
    if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/')
      p = fs::path(home) / text.substr(text.size() > 1 ? 2 : 1);
  }
  if (p.is_relative()) p = dir_ / p;
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    browse(p);
    return std::nullopt;
  }
  if (fs::exists(p, ec)) {
    error_.clear();
    return normal(p);
  }
  error_ = normal(p).string() + ": no such file or folder";
  return std::nullopt;
}

}  // namespace rdv::session
