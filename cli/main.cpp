// rendezvous-cli: the headless subcommands without any UI linked (design.md §5):
//   rendezvous-cli run FILE.lua [...] | explore FILE.lua [...] | replay TRACE | export TRACE ...
#include <cstdio>

#include "cli/cli.h"

int main(int argc, char** argv) {
  if (argc < 2 || !rdv::cli::is_headless_command(argv[1])) {
    std::fprintf(stderr,
                 "usage: rendezvous-cli run|explore|replay|export ... (--help after a command "
                 "for its options)\n");
    return 1;
  }
  return rdv::cli::run_headless(argc, argv);
}
