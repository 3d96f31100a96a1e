// Tests of the browser's parts that need no window: colouring, ordering, the catalogue, config.
#include "session/config.h"
#include "session/scenario_catalog.h"
#include "tests/support/scratch.h"
#include "ui/scenario_list_panel.h"
#include "ui/source_panel.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using rdv::ui::Syntax;

namespace {

// The syntax of each span's text on line `line` (0-based) of `src` coloured as a file named `path`
// is, as "text:kind" words.
std::vector<std::pair<std::string, Syntax>> spans(std::string_view src, std::size_t line,
                                                  std::string_view path = "prog.lua") {
  const auto h = rdv::ui::highlight_source(path, src);
  std::vector<std::pair<std::string, Syntax>> out;
  for (const auto& s : h.lines.at(line))
    out.emplace_back(std::string(src.substr(s.begin, s.end - s.begin)), s.syntax);
  return out;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// Sets an environment variable for the scope of one test.
struct ScopedEnv {
  std::string name;
  std::string old;
  bool had;
  ScopedEnv(const char* n, const char* value) : name(n) {
    const char* o = std::getenv(n);
    had = o != nullptr;
    if (had) old = o;
    if (value) {
      setenv(n, value, 1);
    } else {
      unsetenv(n);
    }
  }
  ~ScopedEnv() {
    if (had) {
      setenv(name.c_str(), old.c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
};

}  // namespace

TEST_CASE("source colours: keywords, API calls, methods, strings, numbers, comments") {
  const std::string src = "local ch = chan(0, \"r\") -- note\nch:send(42)\n";
  using S = Syntax;
  CHECK(spans(src, 0) == std::vector<std::pair<std::string, S>>{{"local", S::Keyword},
                                                                {"ch", S::Plain},
                                                                {"=", S::Symbol},
                                                                {"chan", S::Api},
                                                                {"(", S::Symbol},
                                                                {"0", S::Number},
                                                                {",", S::Symbol},
                                                                {"\"r\"", S::String},
                                                                {")", S::Symbol},
                                                                {"-- note", S::Comment}});
  CHECK(spans(src, 1)[2] == std::pair<std::string, S>{"send", S::Method});
}

TEST_CASE("source colours: a long comment spans lines, each line its own span") {
  const std::string src = "x = 1 --[==[ one\n]] two\nthree ]==] y";
  const auto h = rdv::ui::highlight_lua(src);
  REQUIRE(h.lines.size() == 3);
  CHECK(spans(src, 0).back() == std::pair<std::string, Syntax>{"--[==[ one", Syntax::Comment});
  CHECK(spans(src, 1) == std::vector<std::pair<std::string, Syntax>>{{"]] two", Syntax::Comment}});
  CHECK(spans(src, 2).front() == std::pair<std::string, Syntax>{"three ]==]", Syntax::Comment});
  CHECK(spans(src, 2).back() == std::pair<std::string, Syntax>{"y", Syntax::Plain});
  CHECK(h.lines[2].back().column == 11);
}

TEST_CASE("source colours: columns count code points and tabs") {
  const std::string src = "s = 'h\xC3\xA9' x\n\ty";
  const auto h = rdv::ui::highlight_lua(src);
  CHECK(h.lines[0].back().column == 9);  // s, space, =, space, 'hé' (4 columns), space
  CHECK(h.lines[1].front().column == 4);
  CHECK(h.max_columns == 10);
}

TEST_CASE("scenario list: file names sort by chapter numbers") {
  using rdv::session::natural_less;
  CHECK(natural_less("2.9-a.lua", "2.10-a.lua"));
  CHECK_FALSE(natural_less("2.10-a.lua", "2.9-a.lua"));
  CHECK(natural_less("2.1-z.lua", "2.1b-a.lua"));
  CHECK(natural_less("1.1-a.lua", "2.1-a.lua"));
  CHECK(natural_less("01.lua", "1a.lua"));
  CHECK_FALSE(natural_less("a", "a"));
}

TEST_CASE("scenario browser: lists .lua files in chapter order, broken ones with their error") {
  namespace fs = std::filesystem;
  const fs::path dir = rdv::test::fresh_dir("browser-test");
  write(dir / "2.10-later.lua", "scenario { title = 'Later', chapter = '2.10' }\n");
  write(dir / "2.9-earlier.lua",
        "scenario { title = 'Earlier', chapter = '2.9', concept = 'Channels' }\n");
  write(dir / "3.1-broken.lua", "scenario { title = os.getenv('HOME') }\n");
  write(dir / "notes.txt", "not a scenario");

  rdv::session::Browser b;
  b.scan(dir);
  CHECK(b.error().empty());
  REQUIRE(b.entries().size() == 3);
  CHECK(b.entries()[0].display_title() == "Earlier");
  CHECK(b.entries()[1].display_title() == "Later");
  CHECK(b.entries()[2].display_title() == "3.1-broken.lua");
  CHECK(b.entries()[2].error.find("3.1-broken.lua:1: ") != std::string::npos);

  CHECK(rdv::ui::matches_filter(b.entries()[0], "CHANNEL"));
  CHECK_FALSE(rdv::ui::matches_filter(b.entries()[1], "channel"));
  CHECK(rdv::ui::matches_filter(b.entries()[2], "broken"));

  const unsigned rev = b.revision();
  b.select(1);
  CHECK(b.revision() != rev);
  CHECK(b.source() == "scenario { title = 'Later', chapter = '2.10' }\n");
  CHECK(b.find(dir / "." / "2.10-later.lua") == 1);

  // A file outside the folder is added once.
  const fs::path other = rdv::test::scratch_root() / "other.lua";
  write(other, "scenario { title = 'Other' }");
  CHECK(b.add_file(other) == 3);
  CHECK(b.add_file(other) == 3);
  fs::remove(other);

  b.scan(dir / "missing");
  CHECK(b.entries().empty());
  CHECK(b.error().find("missing") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("config folder: XDG_CONFIG_HOME when absolute, else ~/.config") {
  {
    ScopedEnv xdg("XDG_CONFIG_HOME", "/tmp/xdg");
    CHECK(rdv::session::config_dir() == "/tmp/xdg/rendezvous");
  }
  {
    ScopedEnv xdg("XDG_CONFIG_HOME", "relative/dir");
    ScopedEnv home("HOME", "/home/u");
    CHECK(rdv::session::config_dir() == "/home/u/.config/rendezvous");
  }
  {
    ScopedEnv xdg("XDG_CONFIG_HOME", nullptr);
    ScopedEnv home("HOME", nullptr);
    CHECK(rdv::session::config_dir().empty());
    std::string why;
    CHECK(rdv::session::config_file("imgui.ini", why).empty());
    CHECK_FALSE(why.empty());
  }
}

TEST_CASE("fonts: DejaVu is found where fonts-dejavu-core installs it") {
  CHECK(rdv::ui::find_font("DejaVuSansMono.ttf") ==
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
  CHECK(rdv::ui::find_font("NoSuchFont-Regular.ttf").empty());
}

namespace {
std::vector<std::pair<std::string, Syntax>> go_spans(std::string_view src, std::size_t line) {
  return spans(src, line, "prog.go");
}
}  // namespace

TEST_CASE("source colours: a Go file is coloured as Go, by its extension") {
  const std::string src =
      "go func() { ch <- 42 } // send\n"
      "time.Sleep(2 * time.Second); wg.Wait()\n"
      "s := `raw\nstring` + \"q\\\"\" + 'x'\n"
      "x := make(chan int, 0x1F) /* c */\n";
  using S = Syntax;
  CHECK(go_spans(src, 0) == std::vector<std::pair<std::string, S>>{{"go", S::Keyword},
                                                                   {"func", S::Keyword},
                                                                   {"(", S::Symbol},
                                                                   {")", S::Symbol},
                                                                   {"{", S::Symbol},
                                                                   {"ch", S::Plain},
                                                                   {"<-", S::Symbol},
                                                                   {"42", S::Number},
                                                                   {"}", S::Symbol},
                                                                   {"// send", S::Comment}});
  const auto l1 = go_spans(src, 1);
  CHECK(l1[2] == std::pair<std::string, S>{"Sleep", S::Api});  // a package's function
  CHECK(l1[8] == std::pair<std::string, S>{"Second", S::Api});
  CHECK(l1[13] == std::pair<std::string, S>{"Wait", S::Method});  // a method on a variable
  // A raw string runs over two lines, each line its own span.
  CHECK(go_spans(src, 2).back() == std::pair<std::string, S>{"`raw", S::String});
  const auto l3 = go_spans(src, 3);
  CHECK(l3.front() == std::pair<std::string, S>{"string`", S::String});
  CHECK(l3[2] == std::pair<std::string, S>{"\"q\\\"\"", S::String});
  CHECK(l3[4] == std::pair<std::string, S>{"'x'", S::String});
  const auto l4 = go_spans(src, 4);
  CHECK(l4[2] == std::pair<std::string, S>{"make", S::Api});
  CHECK(l4[4] == std::pair<std::string, S>{"chan", S::Keyword});
  CHECK(l4[7] == std::pair<std::string, S>{"0x1F", S::Number});
  CHECK(l4.back() == std::pair<std::string, S>{"/* c */", S::Comment});
  // The same text named .lua is coloured as Lua: `go` is then the API's go(), not a keyword.
  const auto lua = rdv::ui::highlight_source("prog.lua", src);
  CHECK(lua.lines[0][0].syntax == S::Api);
}

TEST_CASE("scenario browser: lists Go programs, by their comment header or their file name") {
  namespace fs = std::filesystem;
  const fs::path dir = rdv::test::fresh_dir("browser-go-test");
  write(dir / "2.1-rendezvous.go",
        "// title: Unbuffered rendezvous\n// chapter: 2.1\n// concept: Both sides meet.\n"
        "package main\n\nfunc main() {}\n");
  write(dir / "plain.go", "package main\n\nfunc main() {}\n");
  write(dir / "untitled.go", "// chapter: 3\npackage main\n");
  rdv::session::Browser b;
  b.scan(dir);
  REQUIRE(b.entries().size() == 3);
  CHECK(b.entries()[0].display_title() == "Unbuffered rendezvous");
  REQUIRE(b.entries()[0].header);
  CHECK(b.entries()[0].header->chapter == "2.1");
  CHECK(b.entries()[1].display_title() == "plain.go");
  CHECK(b.entries()[1].error.empty());
  CHECK(b.entries()[2].error.find("untitled.go:1: the header has no title") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("scenario browser: a subfolder's files are listed among the folder's, by chapter") {
  namespace fs = std::filesystem;
  const fs::path dir = rdv::test::fresh_dir("browser-sub-test");
  fs::create_directories(dir / "seed" / "deeper");
  write(dir / "2.1-rendezvous.go", "// title: Rendezvous\n// chapter: 2.1\npackage main\n");
  write(dir / "3.1-waitgroup.lua", "scenario { title = 'WaitGroup', chapter = '3.1' }\n");
  write(dir / "seed" / "2.1-seed-sync.go",
        "// title: From the text\n// chapter: 2.1\npackage main\n");
  write(dir / "seed" / "1-seed-async.go", "// title: Async\n// chapter: 1\npackage main\n");
  write(dir / "seed" / "deeper" / "2.2-too-deep.go", "package main\n");
  rdv::session::Browser b;
  b.scan(dir);
  REQUIRE(b.entries().size() == 4);
  CHECK(b.entries()[0].path == dir / "seed" / "1-seed-async.go");
  CHECK(b.entries()[1].path == dir / "2.1-rendezvous.go");
  CHECK(b.entries()[2].path == dir / "seed" / "2.1-seed-sync.go");
  CHECK(b.entries()[3].path == dir / "3.1-waitgroup.lua");
  CHECK(b.find(dir / "seed" / "2.1-seed-sync.go") == 2);
  fs::remove_all(dir);
}

TEST_CASE("scenario browser: a scenario written in Go and Lua is one entry, Lua its second tab") {
  namespace fs = std::filesystem;
  const fs::path dir = rdv::test::fresh_dir("browser-twin-test");
  write(dir / "2.1-rendezvous.go",
        "// title: Rendezvous\n// chapter: 2.1\npackage main\n\nfunc main() {}\n");
  write(dir / "2.1-rendezvous.lua", "scenario { title = 'Rendezvous', chapter = '2.1' }\n");
  write(dir / "3.1-waitgroup.lua", "scenario { title = 'WaitGroup', chapter = '3.1' }\n");
  rdv::session::Browser b;
  b.scan(dir);
  REQUIRE(b.entries().size() == 2);
  CHECK(b.entries()[0].path == dir / "2.1-rendezvous.go");
  CHECK(b.entries()[0].lua_twin == dir / "2.1-rendezvous.lua");
  CHECK(b.entries()[1].lua_twin.empty());
  // Selecting shows the Go program; the second tab its Lua twin, and back.
  b.select(0);
  CHECK(b.shown_path() == dir / "2.1-rendezvous.go");
  CHECK(b.source().starts_with("// title: Rendezvous"));
  const unsigned r = b.revision();
  b.show_twin(true);
  CHECK(b.showing_twin());
  CHECK(b.shown_path() == dir / "2.1-rendezvous.lua");
  CHECK(b.source().starts_with("scenario {"));
  CHECK(b.revision() != r);  // the app opens what is shown when the revision changes
  b.show_twin(false);
  CHECK(b.source().starts_with("// title: Rendezvous"));
  // Opening the Lua file (File > Open, the command line) selects the one entry, on its Lua tab.
  CHECK(b.find(dir / "2.1-rendezvous.lua") == 0);
  CHECK(b.open(dir / "2.1-rendezvous.lua") == 0);
  CHECK(b.entries().size() == 2);
  CHECK(b.showing_twin());
  CHECK(b.source().starts_with("scenario {"));
  // Another entry shows its own file; an entry without a twin ignores show_twin.
  b.select(1);
  CHECK_FALSE(b.showing_twin());
  b.show_twin(true);
  CHECK_FALSE(b.showing_twin());
  CHECK(b.shown_path() == dir / "3.1-waitgroup.lua");
  fs::remove_all(dir);
}

TEST_CASE("scenario browser: the shipped scenarios are Go programs with their Lua twins") {
  rdv::session::Browser b;
  b.scan(RDV_SOURCE_DIR "/scenarios");
  int go = 0, twins = 0, lua_only = 0;
  for (const auto& e : b.entries()) {
    if (e.path.parent_path().filename() == "seed") continue;
    if (e.path.extension() == ".go") ++go;
    if (!e.lua_twin.empty()) ++twins;
    if (e.path.extension() == ".lua") ++lua_only;
  }
  CHECK(go >= 26);
  CHECK(twins == go);
  CHECK(go + lua_only == 31);  // one entry per scenario of the library
  REQUIRE(!b.entries().empty());
  CHECK(b.entries()[0].path.extension() == ".go");  // the course opens in Go
}

TEST_CASE("scenario browser: the shipped seed examples sit under their chapters") {
  rdv::session::Browser b;
  b.scan(RDV_SOURCE_DIR "/scenarios");
  int seen = 0;
  std::string previous;
  for (const auto& e : b.entries()) {
    const std::string name = e.path.filename().string();
    CHECK_MESSAGE((previous.empty() || !rdv::session::natural_less(name, previous)), name);
    previous = name;
    if (e.path.parent_path().filename() != "seed") continue;
    ++seen;
    REQUIRE_MESSAGE(e.header, e.error);
    const bool filed =
        name.starts_with(e.header->chapter + "-") || name.starts_with(e.header->chapter + "b-");
    CHECK_MESSAGE(filed, name << " is not filed under chapter " << e.header->chapter);
  }
  CHECK(seen == 10);
}
