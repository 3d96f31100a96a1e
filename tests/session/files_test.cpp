// The File menu's actions without a window (session/files.h): save a run's trace and open it
// again (menu and drag and drop take the same path), malformed and missing files reported by
// name, Export to Perfetto with its errors, the recent files and the before-open hook.
#include "session/files.h"
#include "session/controller.h"
#include "session/scenario_catalog.h"
#include "tests/support/read_file.h"
#include "tests/support/scenario.h"
#include "tests/support/scratch.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

using namespace rdv::session;
namespace fs = std::filesystem;

namespace {

using rdv::test::read_file;

// The settings the shell would keep in imgui.ini.
class MapSettings : public SettingsStore {
 public:
  const std::string& setting(const std::string& key) const override {
    static const std::string kNone;
    const auto it = values_.find(key);
    return it == values_.end() ? kNone : it->second;
  }
  void set_setting(const std::string& key, std::string value) override {
    values_[key] = std::move(value);
  }

 private:
  std::map<std::string, std::string> values_;
};

// A fresh temp folder.
struct Fixture {
  fs::path dir = rdv::test::fresh_dir("files");
  MapSettings settings;
  Browser browser;
  Controller controller;
  Files files{controller, browser, settings};

  void run(const std::string& file) {
    rdv::test::open_scenario(controller, file);
    REQUIRE(controller.finish_blocking(std::chrono::seconds(30)));
  }
};

}  // namespace

TEST_CASE("files: a saved trace opens again with the same events, from the menu or a drop") {
  Fixture f;
  f.run("2.3-fanin-timeout-leak.lua");
  const std::size_t n = f.controller.model().size();
  const auto outcome = f.controller.model().head().outcome;
  REQUIRE(n > 10);
  const std::string path = (f.dir / "fanin.rdv.jsonl").string();
  std::string error;
  REQUIRE_MESSAGE(f.controller.save_trace(path, &error), error);

  // File ▸ Open (the modal calls open()).
  REQUIRE_MESSAGE(f.files.open(path, &error), error);
  CHECK(f.controller.source_kind() == Source::Trace);
  CHECK(f.controller.model().size() == n);
  CHECK(f.controller.model().head().outcome == outcome);
  CHECK(f.files.recent().front() == fs::absolute(path).string());

  // Drag and drop: a scenario first, then the trace; the last one stays open.
  f.run("2.1-unbuffered-rendezvous.lua");
  REQUIRE(f.controller.model().size() != n);
  f.files.drop({path});
  f.files.open_dropped();
  CHECK(f.controller.source_kind() == Source::Trace);
  CHECK(f.controller.model().size() == n);
  // The trace can be scrubbed like the run.
  f.controller.request_seek(n / 2);
  CHECK(f.controller.state().applied == n / 2);
}

TEST_CASE("files: missing, malformed and unknown files are reported by name, not opened") {
  Fixture f;
  f.run("2.1-unbuffered-rendezvous.lua");
  const std::size_t n = f.controller.model().size();
  std::string error;
  CHECK_FALSE(f.files.open((f.dir / "nope.rdv.jsonl").string(), &error));
  CHECK(error.find("nope.rdv.jsonl") != std::string::npos);
  const std::string bad = (f.dir / "bad.rdv.jsonl").string();
  std::ofstream(bad) << "{\"rdv\":1}\nnot json\n";
  error.clear();
  CHECK_FALSE(f.files.open(bad, &error));
  CHECK(error.find("bad.rdv.jsonl") != std::string::npos);
  const std::string txt = (f.dir / "notes.txt").string();
  std::ofstream(txt) << "hello\n";
  error.clear();
  CHECK_FALSE(f.files.open(txt, &error));
  CHECK(error.find("not a scenario") != std::string::npos);
  // A drop of a bad file says why in the status line and leaves the run open.
  f.files.drop({bad});
  f.files.open_dropped();
  CHECK(f.files.message().find("bad.rdv.jsonl") != std::string::npos);
  CHECK(f.controller.source_kind() == Source::Script);
  CHECK(f.controller.model().size() == n);
}

TEST_CASE("files: Export to Perfetto writes Chrome trace JSON, and says why when it cannot") {
  Fixture f;
  std::string error;
  // Nothing to export before a run.
  CHECK_FALSE(f.files.export_perfetto((f.dir / "empty.json").string(), &error));
  CHECK(error.find("nothing to export") != std::string::npos);

  f.run("2.1-unbuffered-rendezvous.lua");
  const std::string out = (f.dir / "run.perfetto.json").string();
  error.clear();
  REQUIRE_MESSAGE(f.files.export_perfetto(out, &error), error);
  const std::string json = read_file(out);
  CHECK(json.find("\"traceEvents\"") != std::string::npos);
  CHECK(json.find("asyncTask") != std::string::npos);  // a task's track is named after it
  CHECK(json.find("flow_out") != std::string::npos);   // the send -> receive arrow
  CHECK(f.files.message().find("exported") != std::string::npos);

  // Unwritable: a folder that does not exist; the error names the path.
  const std::string bad = (f.dir / "no-such-folder" / "x.json").string();
  error.clear();
  CHECK_FALSE(f.files.export_perfetto(bad, &error));
  CHECK(error.find("no-such-folder") != std::string::npos);
  CHECK_FALSE(fs::exists(bad));
  error.clear();
  CHECK_FALSE(f.files.export_perfetto("", &error));
  CHECK_FALSE(error.empty());

  // A loaded trace exports the same as the run it recorded.
  const std::string trace = (f.dir / "run.rdv.jsonl").string();
  REQUIRE(f.controller.save_trace(trace, &error));
  REQUIRE(f.files.open(trace, &error));
  const std::string out2 = (f.dir / "trace.perfetto.json").string();
  REQUIRE_MESSAGE(f.files.export_perfetto(out2, &error), error);
  CHECK(read_file(out2) == json);
}

TEST_CASE("files: the recent files list the last eight opened, newest first, each once") {
  Fixture f;
  std::vector<std::string> opened;
  for (int i = 0; i < 10; ++i) {
    const fs::path p = f.dir / ("s" + std::to_string(i) + ".lua");
    std::ofstream(p) << "print(" << i << ")\n";
    std::string error;
    REQUIRE_MESSAGE(f.files.open(p.string(), &error), error);
    opened.push_back(fs::absolute(p).string());
  }
  std::string error;
  REQUIRE(f.files.open(opened[5], &error));  // opened again: moves to the front
  const std::vector<std::string> recent = f.files.recent();
  REQUIRE(recent.size() == 8);
  CHECK(recent[0] == opened[5]);
  CHECK(recent[1] == opened[9]);
  CHECK(recent[5] == opened[4]);  // s9 s8 s7 s6 s4 s3 s2 after s5: the two oldest are gone
  CHECK(recent[7] == opened[2]);
  CHECK(std::count(recent.begin(), recent.end(), opened[1]) == 0);
  CHECK(std::count(recent.begin(), recent.end(), opened[5]) == 1);
  CHECK(f.settings.setting("recent").find(opened[5]) == 0);
}

TEST_CASE("files: the before-open hook can put an open off, and opens the file itself later") {
  Fixture f;
  const fs::path p = f.dir / "later.lua";
  std::ofstream(p) << "print(1)\n";
  std::string asked;
  f.files.set_before_open([&](const std::string& path) {
    asked = path;
    return false;  // ask first
  });
  std::string error;
  CHECK(f.files.open(p.string(), &error));  // accepted, not yet opened
  CHECK(asked == p.string());
  CHECK(f.files.recent().empty());
  f.files.set_before_open([&](const std::string& path) { return f.files.open(path, nullptr); });
  CHECK(f.files.open(p.string(), &error));
  REQUIRE(f.files.recent().size() == 1);
  CHECK(f.files.recent()[0] == fs::absolute(p).string());
}
