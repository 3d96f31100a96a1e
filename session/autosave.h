// session/autosave.h — an edited scenario is never lost (issue #10).
//
// - UnsavedWork is the script being edited in the source view: its text, the text on disk, and
//   whether they differ (dirty). Closing the window, quitting, or opening another file or
//   scenario goes through run_or_ask(): with nothing unsaved the action runs at once; else the
//   app shows the Save / Discard / Cancel modal and answer() decides.
// - Autosave: while dirty, the text is written 2 s after the last change (tick()) to
//   $XDG_STATE_HOME/rendezvous/autosave/<name>-<hash of the path>.lua (~/.local/state when unset),
//   atomically (write_file_atomic). Saving or discarding removes it. On the next start, opening
//   that scenario offers to restore it (restorable()).
// - No ImGui here: tests/session/autosave_test.cpp drives it without a window. The modals are
//   draw_unsaved_modal() / draw_restore_modal() in ui/autosave_modals.h.
//
// Example:
//   UnsavedWork work(Autosave(autosave_dir()));
//   work.begin("a.lua", disk_text);  work.set_text(edited, now);   // dirty
//   each frame: work.tick(now);  draw_unsaved_modal(work);
//   on Ctrl+Q: work.run_or_ask([&] { quit = true; });
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace rdv::session {

class Browser;

// Writes `data` to `path` so that a crash or kill at any moment leaves either the old file or
// the new one, never a mix: a temporary file beside it, fsync, rename over `path`, fsync of the
// folder. False with the reason in `error` (unwritable folder, full disk). `after_chunk`, when
// set, is called after each 64 KiB written to the temporary file (tests kill the writer there).
bool write_file_atomic(const std::filesystem::path& path, std::string_view data, std::string* error,
                       const std::function<void(std::size_t written)>& after_chunk = {});

// $XDG_STATE_HOME/rendezvous/autosave, or ~/.local/state/rendezvous/autosave; empty when
// neither is usable. Not created here.
std::filesystem::path autosave_dir();

class Autosave {
 public:
  explicit Autosave(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // - The autosave file of a scenario (by its absolute path); empty when autosave is off.
  std::filesystem::path file_for(const std::string& scenario) const;
  bool write(const std::string& scenario, std::string_view text, std::string* error) const;
  std::optional<std::string> read(const std::string& scenario) const;
  void remove(const std::string& scenario) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

enum class Answer { Save, Discard, Cancel };

class UnsavedWork {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kAutosaveDelay{2000};

  explicit UnsavedWork(Autosave autosave) : autosave_(std::move(autosave)) {}

  // ---- the document ---------------------------------------------------------------------------
  // - Starts editing the scenario at `path` whose text on disk is `disk_text` (not dirty).
  void begin(std::string path, std::string disk_text);
  // - The editor's text changed.
  void set_text(std::string text, Clock::time_point now = Clock::now());
  bool active() const { return !path_.empty(); }
  bool dirty() const { return active() && text_ != disk_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // - Writes the text to the scenario's file (atomically); then not dirty, autosave removed.
  bool save(std::string* error);
  // - Forgets the edit: the text is the disk's again, the autosave is removed.
  void discard();
  // - Stops editing (the document is forgotten; call when clean).
  void close();

  // ---- autosave -------------------------------------------------------------------------------
  // - Writes the autosave when dirty and kAutosaveDelay has passed since the last unsaved
  //   change. True when it wrote; a failure is kept in autosave_error().
  bool tick(Clock::time_point now = Clock::now());
  const std::string& autosave_error() const { return autosave_error_; }
  // - An autosaved edit of `path` that differs from `disk_text` (offered for restoring).
  std::optional<std::string> restorable(const std::string& path,
                                        const std::string& disk_text) const;
  void forget_autosave(const std::string& path) const { autosave_.remove(path); }
  const Autosave& autosave() const { return autosave_; }

  // ---- asking before losing it ----------------------------------------------------------------
  // - Runs `action` now and returns true when nothing is unsaved; else keeps it for answer()
  //   and returns false (asking() is then true). A newer request replaces a pending one.
  bool run_or_ask(std::function<void()> action);
  bool asking() const { return static_cast<bool>(pending_); }
  // - Save: saves, then runs the action (on failure keeps asking, with error() set);
  //   Discard: discards, then runs it; Cancel: drops it, the edit stays.
  void answer(Answer a);
  const std::string& error() const { return error_; }

 private:
  Autosave autosave_;
  std::string path_, disk_, text_;
  std::optional<Clock::time_point> changed_;  // last change not yet autosaved
  std::function<void()> pending_;
  std::string error_, autosave_error_;
};

// - Call when the browser's selection changed (a click in the list, File ▸ Open of a .lua, a
//   drop). True: open the newly selected scenario. False: the edited scenario has unsaved
//   changes, so the selection is put back and the person is asked; once answered (saved or
//   discarded) the new one is selected again, and opens.
bool allow_switch(UnsavedWork& work, Browser& browser);

// An autosaved edit offered at start (ui/autosave_modals.h asks: Restore or Discard).
struct RestoreOffer {
  std::string path;
  std::string text;
  bool shown = false;
};

}  // namespace rdv::session
