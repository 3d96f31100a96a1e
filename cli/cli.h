// cli/cli.h — the headless subcommands of design.md §5: run, explore, replay, export.
//
// The `rendezvous` executable hands argv to run_headless() when argv[1] names one of them;
// `rendezvous-cli` is the same without any UI linked. Nothing here opens a window.
#pragma once

#include <string_view>

namespace rdv::cli {

// True when `arg` (argv[1]) is a headless subcommand.
bool is_headless_command(std::string_view arg) noexcept;

// Runs the subcommand in argv[1]. Returns the process exit code: 0 ran to completion,
// 2 the scenario failed (deadlock, panic, script error, limit hit), 1 usage or I/O error.
int run_headless(int argc, char** argv);

}  // namespace rdv::cli
