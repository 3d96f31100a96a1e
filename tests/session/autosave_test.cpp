// Unsaved work (issue #10) without a window: dirty tracking, the ask-before decisions, the
// autosave's write and restore, and an atomic write that survives its writer being killed.
#include "session/autosave.h"
#include "session/scenario_catalog.h"

#include "tests/support/process.h"
#include "tests/support/read_file.h"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

using rdv::session::Answer;
using rdv::session::Autosave;
using rdv::session::UnsavedWork;
using rdv::session::write_file_atomic;
using rdv::test::temp_folder;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using rdv::test::read_file;

void spit(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("unsaved work: dirty only while the text differs from the disk's") {
  const std::string dir = temp_folder("dirty");
  UnsavedWork work(Autosave(dir + "/autosave"));
  CHECK_FALSE(work.active());
  CHECK_FALSE(work.dirty());
  work.begin(dir + "/a.lua", "print(1)\n");
  CHECK(work.active());
  CHECK_FALSE(work.dirty());
  work.set_text("print(2)\n");
  CHECK(work.dirty());
  work.set_text("print(1)\n");  // edited back
  CHECK_FALSE(work.dirty());
  work.set_text("print(3)\n");
  work.discard();
  CHECK_FALSE(work.dirty());
  CHECK(work.text() == "print(1)\n");
  work.close();
  CHECK_FALSE(work.active());
  fs::remove_all(dir);
}

TEST_CASE("unsaved work: quitting or opening asks first, and each answer does what it says") {
  const std::string dir = temp_folder("ask");
  const std::string file = dir + "/a.lua";
  spit(file, "print(1)\n");
  UnsavedWork work(Autosave(dir + "/autosave"));
  work.begin(file, "print(1)\n");
  int ran = 0;
  auto action = [&] { ++ran; };

  // Nothing unsaved: the action runs at once, nothing is asked.
  CHECK(work.run_or_ask(action));
  CHECK(ran == 1);
  CHECK_FALSE(work.asking());

  // Unsaved: asks; Cancel keeps the edit and does not run the action.
  work.set_text("print(2)\n");
  CHECK_FALSE(work.run_or_ask(action));
  CHECK(work.asking());
  CHECK(ran == 1);
  work.answer(Answer::Cancel);
  CHECK_FALSE(work.asking());
  CHECK(ran == 1);
  CHECK(work.dirty());
  CHECK(read_file(file) == "print(1)\n");

  // Discard: the file is untouched, the action runs.
  CHECK_FALSE(work.run_or_ask(action));
  work.answer(Answer::Discard);
  CHECK(ran == 2);
  CHECK_FALSE(work.dirty());
  CHECK(read_file(file) == "print(1)\n");

  // Save: the file gets the edit, then the action runs.
  work.set_text("print(3)\n");
  CHECK_FALSE(work.run_or_ask(action));
  work.answer(Answer::Save);
  CHECK(ran == 3);
  CHECK_FALSE(work.asking());
  CHECK(read_file(file) == "print(3)\n");
  CHECK_FALSE(work.dirty());

  // A save that fails keeps asking, with the reason, and runs nothing.
  work.begin(dir + "/no/such/folder/b.lua", "x = 1\n");
  work.set_text("x = 2\n");
  CHECK_FALSE(work.run_or_ask(action));
  work.answer(Answer::Save);
  CHECK(work.asking());
  CHECK(work.error().find("no/such/folder/b.lua") != std::string::npos);
  CHECK(ran == 3);
  CHECK(work.dirty());
  // A newer request replaces the pending one.
  int other = 0;
  CHECK_FALSE(work.run_or_ask([&] { ++other; }));
  work.answer(Answer::Discard);
  CHECK(other == 1);
  CHECK(ran == 3);
  fs::remove_all(dir);
}

TEST_CASE("autosave: written 2 s after the last change, restorable, removed once saved") {
  const std::string dir = temp_folder("autosave");
  const std::string file = dir + "/pipeline.lua";
  spit(file, "print(1)\n");
  UnsavedWork work(Autosave(dir + "/state/rendezvous/autosave"));
  const fs::path saved = work.autosave().file_for(file);
  REQUIRE_FALSE(saved.empty());
  CHECK(saved.parent_path() == fs::path(dir + "/state/rendezvous/autosave"));
  CHECK(saved.filename().string().starts_with("pipeline-"));
  // One autosave per scenario path, the same for a relative spelling of it.
  CHECK(work.autosave().file_for(dir + "/other.lua") != saved);
  CHECK(work.autosave().file_for(dir + "/./pipeline.lua") == saved);

  const auto t0 = UnsavedWork::Clock::now();
  work.begin(file, "print(1)\n");
  work.set_text("print(2)\n", t0);
  CHECK_FALSE(work.tick(t0 + 1s));  // too soon
  CHECK_FALSE(fs::exists(saved));
  work.set_text("print(22)\n", t0 + 1500ms);  // a later change restarts the delay
  CHECK_FALSE(work.tick(t0 + 2500ms));
  CHECK(work.tick(t0 + 3600ms));
  CHECK(read_file(saved) == "print(22)\n");
  CHECK_FALSE(work.tick(t0 + 10s));  // nothing new to write

  // The next start: a fresh session finds the edit for that scenario, not for another.
  UnsavedWork next(Autosave(dir + "/state/rendezvous/autosave"));
  const auto offer = next.restorable(file, "print(1)\n");
  REQUIRE(offer.has_value());
  CHECK(*offer == "print(22)\n");
  CHECK_FALSE(next.restorable(dir + "/other.lua", "").has_value());
  CHECK_FALSE(next.restorable(file, "print(22)\n").has_value());  // already on disk

  // Saving removes it; so does discarding.
  work.answer(Answer::Save);  // not asking: no effect
  CHECK(fs::exists(saved));
  std::string error;
  REQUIRE(work.save(&error));
  CHECK_FALSE(fs::exists(saved));
  work.set_text("print(4)\n", t0);
  CHECK(work.tick(t0 + 2s));
  CHECK(fs::exists(saved));
  work.discard();
  CHECK_FALSE(fs::exists(saved));

  // An autosave folder that cannot be made is reported, not thrown.
  spit(dir + "/blocker", "a file where the folder should be");
  UnsavedWork blocked(Autosave(dir + "/blocker/autosave"));
  blocked.begin(file, "print(4)\n");
  blocked.set_text("print(5)\n", t0);
  CHECK_FALSE(blocked.tick(t0 + 3s));
  CHECK_FALSE(blocked.autosave_error().empty());
  fs::remove_all(dir);
}

TEST_CASE("atomic write: a writer killed mid-write leaves the previous file intact") {
  const std::string dir = temp_folder("atomic");
  const fs::path file = fs::path(dir) / "autosave.lua";
  const std::string before = "print('the previous autosave')\n";
  std::string error;
  REQUIRE(write_file_atomic(file, before, &error));
  CHECK(read_file(file) == before);

  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The writer: 4 MiB of new text; after its first 64 KiB it says so and waits to be killed.
    ::close(ready[0]);
    const std::string big(4 << 20, 'x');
    write_file_atomic(file, big, nullptr, [&](std::size_t written) {
      if (written == 64 * 1024) {
        const char c = 1;
        (void)!::write(ready[1], &c, 1);
        ::pause();
      }
    });
    ::_exit(0);
  }
  ::close(ready[1]);
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);  // the child is mid-write now
  ::close(ready[0]);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK(read_file(file) == before);  // untouched: the half-written text is in a temporary file

  // And a completed write replaces it whole.
  REQUIRE(write_file_atomic(file, "print('new')\n", &error));
  CHECK(read_file(file) == "print('new')\n");
  // An unwritable place is a clear error.
  CHECK_FALSE(write_file_atomic(fs::path(dir) / "missing" / "x.lua", "x", &error));
  CHECK(error.find("missing/x.lua") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("unsaved work: choosing another scenario asks first, and goes there once answered") {
  const std::string dir = temp_folder("switch");
  spit(dir + "/1-a.lua", "scenario { title = 'A', chapter = '1' }\nprint('a')\n");
  spit(dir + "/2-b.lua", "scenario { title = 'B', chapter = '2' }\nprint('b')\n");
  rdv::session::Browser browser;
  browser.scan(dir);
  REQUIRE(browser.entries().size() == 2);
  const int a = browser.find(dir + "/1-a.lua");
  const int b = browser.find(dir + "/2-b.lua");
  REQUIRE((a >= 0 && b >= 0));
  browser.select(a);
  UnsavedWork work(Autosave(dir + "/autosave"));
  CHECK(rdv::session::allow_switch(work, browser));  // nothing edited
  work.begin(dir + "/1-a.lua", read_file(dir + "/1-a.lua"));

  // Clean: switching is allowed and the document is closed.
  browser.select(b);
  CHECK(rdv::session::allow_switch(work, browser));
  CHECK_FALSE(work.active());

  // Dirty: the selection goes back to the edited scenario, and the person is asked.
  browser.select(a);
  work.begin(dir + "/1-a.lua", read_file(dir + "/1-a.lua"));
  work.set_text("print('edited')\n");
  browser.select(b);
  CHECK_FALSE(rdv::session::allow_switch(work, browser));
  CHECK(browser.selected() == a);
  CHECK(work.asking());
  // Re-selecting the edited one itself is no switch.
  CHECK(rdv::session::allow_switch(work, browser));
  // Cancel: stays on the edited scenario.
  work.answer(Answer::Cancel);
  CHECK(browser.selected() == a);
  CHECK(work.dirty());
  // Discard: goes to the chosen one, which may now open.
  browser.select(b);
  CHECK_FALSE(rdv::session::allow_switch(work, browser));
  work.answer(Answer::Discard);
  CHECK(browser.selected() == b);
  CHECK(rdv::session::allow_switch(work, browser));
  CHECK(read_file(dir + "/1-a.lua").find("print('a')") != std::string::npos);  // file untouched
  fs::remove_all(dir);
}
