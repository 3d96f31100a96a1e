// session/scenario_catalog.cpp — listing scenario files and loading the selected one's source.
#include "session/scenario_catalog.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "script/read_file.h"
#include "script/scenario_header.h"

namespace rdv::session {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

ScenarioEntry load_entry(const std::filesystem::path& path) {
  ScenarioEntry e;
  e.path = path;
  // A Go program's header is its leading // key: value comment (script/scenario_header.h); one
  // without is listed by its file name.
  auto r = script::read_scenario_header(path.string());
  if (r) {
    e.header = std::move(*r);
  } else {
    e.error = r.error();
  }
  return e;
}

// Canonical form for comparing paths given in different spellings ("./x.lua", "x.lua").
std::filesystem::path normal(const std::filesystem::path& p) {
  std::error_code ec;
  auto c = std::filesystem::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : c;
}

}  // namespace

std::string ScenarioEntry::display_title() const {
  return header ? header->title : path.filename().string();
}

bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      // Compare digit runs by value: skip leading zeros, then length, then digits.
      std::size_t ie = i, je = j;
      while (ie < a.size() && is_digit(a[ie])) ++ie;
      while (je < b.size() && is_digit(b[je])) ++je;
      std::size_t is = i, js = j;
      while (is + 1 < ie && a[is] == '0') ++is;
      while (js + 1 < je && b[js] == '0') ++js;
      if (ie - is != je - js) return ie - is < je - js;
      const int c = a.compare(is, ie - is, b, js, je - js);
      if (c != 0) return c < 0;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

std::filesystem::path find_scenarios_dir(const std::filesystem::path& exe_dir) {
  std::error_code ec;
  for (const std::filesystem::path& dir :
       {exe_dir / ".." / "share" / "rendezvous" / "scenarios",
        std::filesystem::path(RDV_SOURCE_DIR) / "scenarios", std::filesystem::path("scenarios")}) {
    if (std::filesystem::is_directory(dir, ec)) return dir.lexically_normal();
  }
  return {};
}

void Browser::scan(const std::filesystem::path& dir) {
  dir_ = dir;
  entries_.clear();
  error_.clear();
  selected_ = -1;
  showing_twin_ = false;
  ++revision_;
  std::error_code ec;
  std::vector<std::filesystem::path> files, subdirs;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto ext = it->path().extension();
    std::error_code kind;
    if ((ext == ".lua" || ext == ".go") && it->is_regular_file(kind)) files.push_back(it->path());
    if (it->is_directory(kind)) subdirs.push_back(it->path());
  }
  if (ec) {
    error_ = dir.string() + ": " + ec.message();
    return;
  }
  // One level down (scenarios/seed/: the seed text's snippets), listed among the folder's own
  // files under their chapter; an unreadable subfolder is skipped.
  for (const auto& sub : subdirs) {
    std::error_code sub_ec;
    for (std::filesystem::directory_iterator it(sub, sub_ec), end; !sub_ec && it != end;
         it.increment(sub_ec)) {
      const auto ext = it->path().extension();
      std::error_code kind;
      if ((ext == ".lua" || ext == ".go") && it->is_regular_file(kind)) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end(), [](const auto& x, const auto& y) {
    const std::string a = x.filename().string(), b = y.filename().string();
    if (a != b) return natural_less(a, b);
    return x < y;
  });
  // X.go and X.lua in one folder are one scenario: the Go program, with the Lua file its twin.
  std::vector<std::filesystem::path> twins;
  for (const auto& f : files) {
    if (f.extension() != ".go") continue;
    auto lua = f;
    lua.replace_extension(".lua");
    if (std::find(files.begin(), files.end(), lua) != files.end()) twins.push_back(lua);
  }
  for (const auto& f : files) {
    if (std::find(twins.begin(), twins.end(), f) != twins.end()) continue;
    entries_.push_back(load_entry(f));
    auto lua = f;
    lua.replace_extension(".lua");
    if (f.extension() == ".go" && std::find(twins.begin(), twins.end(), lua) != twins.end())
      entries_.back().lua_twin = lua;
  }
}

int Browser::find(const std::filesystem::path& file) const {
  const auto want = normal(file);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (normal(entries_[i].path) == want) return static_cast<int>(i);
    if (!entries_[i].lua_twin.empty() && normal(entries_[i].lua_twin) == want)
      return static_cast<int>(i);
  }
  return -1;
}

int Browser::open(const std::filesystem::path& file) {
  const int i = add_file(file);
  select(i);
  const auto& twin = entries_[static_cast<std::size_t>(i)].lua_twin;
  if (!twin.empty() && normal(twin) == normal(file)) show_twin(true);
  return i;
}

std::filesystem::path Browser::shown_path() const {
  const ScenarioEntry* e = selected_entry();
  if (e == nullptr) return {};
  return showing_twin_ ? e->lua_twin : e->path;
}

void Browser::show_twin(bool lua) {
  const ScenarioEntry* e = selected_entry();
  if (e == nullptr || e->lua_twin.empty() || showing_twin_ == lua) return;
  showing_twin_ = lua;
  load_source(lua ? e->lua_twin : e->path);
}

int Browser::add_file(const std::filesystem::path& file) {
  if (const int i = find(file); i >= 0) return i;
  entries_.push_back(load_entry(file));
  ++revision_;
  return static_cast<int>(entries_.size()) - 1;
}

const ScenarioEntry* Browser::selected_entry() const {
  if (selected_ < 0 || selected_ >= static_cast<int>(entries_.size())) return nullptr;
  return &entries_[static_cast<std::size_t>(selected_)];
}

void Browser::deselect() {
  if (selected_ < 0) return;
  selected_ = -1;
  showing_twin_ = false;
  source_.clear();
  source_error_.clear();
  ++revision_;
}

void Browser::select(int i) {
  if (i < 0 || i >= static_cast<int>(entries_.size())) return;
  selected_ = i;
  showing_twin_ = false;
  load_source(entries_[static_cast<std::size_t>(i)].path);
}

void Browser::load_source(const std::filesystem::path& path) {
  source_.clear();
  source_error_.clear();
  ++revision_;
  // Bounded, regular files only: a FIFO or /dev/zero listed in a folder must not hang the window.
  Result<std::string> text =
      script::read_regular_file(path.string(), script::kMaxScenarioFileBytes);
  if (text) {
    source_ = std::move(*text);
  } else {
    source_error_ = text.error();
  }
}

}  // namespace rdv::session
