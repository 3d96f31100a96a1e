// File ▸ Open's browser without a window (#19 item 8): listing, the filter, places, the typed
// path, recent files, and the errors of folders that cannot be listed.
#include "session/file_browser.h"
#include "tests/support/scratch.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace rdv::session;

namespace {

// A fresh folder holding a course: scenarios, a trace, a Go program, other files and folders.
fs::path make_course(const char* name) {
  const fs::path d = rdv::test::fresh_dir(name);
  fs::create_directories(d / "week 2");
  fs::create_directories(d / "week 10");
  fs::create_directories(d / ".git");
  for (const char* f : {"2.10-later.lua", "2.9-first.lua", "run.rdv.jsonl", "main.go", "notes.txt",
                        "trace.jsonl", ".hidden.lua", "week 2/x.lua"})
    std::ofstream(d / f) << "-- " << f << "\n";
  return d;
}

std::vector<std::string> names(const FileBrowser& b) {
  std::vector<std::string> out;
  for (const FileEntry& e : b.entries()) out.push_back(e.folder ? e.name + "/" : e.name);
  return out;
}

}  // namespace

TEST_CASE("file browser: folders first, then what Open can open, in natural order") {
  const fs::path d = make_course("listing");
  FileBrowser b;
  REQUIRE(b.browse(d));
  CHECK(b.error().empty());
  CHECK(b.dir() == d);
  // No dot-files or dot-folders; "week 2" before "week 10"; .txt and a bare .jsonl filtered out.
  CHECK(names(b) == std::vector<std::string>{"week 2/", "week 10/", "2.9-first.lua",
                                             "2.10-later.lua", "main.go", "run.rdv.jsonl"});
  CHECK(b.hidden_files() == 2);
  b.set_filter(FileFilter::All);
  CHECK(names(b) == std::vector<std::string>{"week 2/", "week 10/", "2.9-first.lua",
                                             "2.10-later.lua", "main.go", "notes.txt",
                                             "run.rdv.jsonl", "trace.jsonl"});
  CHECK(b.hidden_files() == 0);
  CHECK(openable_name("a.go"));
  CHECK(openable_name("a.rdv.jsonl"));
  CHECK_FALSE(openable_name("a.jsonl"));
  CHECK_FALSE(openable_name("a.luac"));
}

TEST_CASE("file browser: activating a folder browses it, a file is returned to open") {
  const fs::path d = make_course("activate");
  FileBrowser b;
  REQUIRE(b.browse(d));
  CHECK_FALSE(b.activate(0).has_value());  // "week 2/"
  CHECK(b.dir() == d / "week 2");
  CHECK(names(b) == std::vector<std::string>{"x.lua"});
  const auto file = b.activate(0);
  REQUIRE(file.has_value());
  CHECK(*file == d / "week 2" / "x.lua");
  CHECK_FALSE(b.activate(7).has_value());  // out of range: nothing
  REQUIRE(b.up());
  CHECK(b.dir() == d);
  FileBrowser root;
  REQUIRE(root.browse("/"));
  CHECK_FALSE(root.up());
}

TEST_CASE("file browser: a typed path browses a folder, returns a file, or says what is wrong") {
  const fs::path d = make_course("typed");
  FileBrowser b;
  REQUIRE(b.browse(d));
  CHECK_FALSE(b.submit("week 10").has_value());  // relative to the folder shown
  CHECK(b.dir() == d / "week 10");
  CHECK_FALSE(b.submit("..").has_value());
  CHECK(b.dir() == d);
  const auto abs = b.submit((d / "main.go").string());
  REQUIRE(abs.has_value());
  CHECK(*abs == d / "main.go");
  const auto rel = b.submit("2.9-first.lua");
  REQUIRE(rel.has_value());
  CHECK(*rel == d / "2.9-first.lua");
  CHECK_FALSE(b.submit("missing.lua").has_value());
  CHECK(b.error() == (d / "missing.lua").string() + ": no such file or folder");
  CHECK(b.dir() == d);  // still showing the folder
}

TEST_CASE("file browser: a folder that cannot be listed is an error naming it, never a crash") {
  const fs::path d = make_course("errors");
  FileBrowser b;
  CHECK_FALSE(b.browse(d / "nowhere"));
  CHECK(b.error() == (d / "nowhere").string() + ": no such folder");
  CHECK(b.entries().empty());
  CHECK_FALSE(b.browse(d / "notes.txt"));
  CHECK(b.error() == (d / "notes.txt").string() + ": not a folder");
  if (::geteuid() != 0) {  // root reads any folder: no permission error to provoke then
    const fs::path locked = d / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::none);
    CHECK_FALSE(b.browse(locked));
    CHECK(b.error() == locked.string() + ": permission denied");
    fs::permissions(locked, fs::perms::owner_all);
  }
  // Back to a readable folder: the error is gone.
  CHECK(b.browse(d));
  CHECK(b.error().empty());
}

TEST_CASE("file browser: recent files keep eight, most recent first, each once") {
  std::string r;
  for (int i = 0; i < 10; ++i) r = push_recent(r, "/c/f" + std::to_string(i) + ".lua");
  auto list = split_recent(r);
  REQUIRE(list.size() == kMaxRecent);
  CHECK(list.front() == "/c/f9.lua");
  CHECK(list.back() == "/c/f2.lua");
  r = push_recent(r, "/c/./f5.lua");  // the same file spelt otherwise moves to the front
  list = split_recent(r);
  CHECK(list.size() == kMaxRecent);
  CHECK(list.front() == "/c/f5.lua");
  CHECK(std::count(list.begin(), list.end(), "/c/f5.lua") == 1);
  CHECK(split_recent(push_recent(r, "/c/a;b.lua")) == list);  // cannot be stored: left out
  CHECK(split_recent("").empty());
  CHECK(split_recent(";;/x.lua;") == std::vector<std::string>{"/x.lua"});
}

TEST_CASE("file browser: places are the scenarios, home, the working folder, recent folders") {
  const fs::path d = make_course("places");
  const std::vector<std::string> recent = {
      (d / "week 2" / "x.lua").string(), (d / "2.9-first.lua").string(),
      (d / "week 2" / "y.lua").string(), "/no/such/folder/z.lua"};
  const auto p = places(d, d / "week 10", "/", recent);
  REQUIRE(p.size() == 4);
  CHECK(p[0].label == "Scenarios");
  CHECK(p[0].dir == d);
  CHECK(p[1].label == "Home");
  CHECK(p[2].label == "Working folder");
  CHECK(p[2].dir == "/");
  // The folder of d/2.9-first.lua is the scenarios folder, listed once; the missing one not at all.
  CHECK(p[3].label == (d / "week 2").string());
  CHECK(places("", "", "", {}).empty());
}
