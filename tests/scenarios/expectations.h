// tests/scenarios/expectations.h — what every scenario of scenarios/ must do, as data.
//
// tests/scenarios/expectations.json holds one entry per scenario file. The C++ tests run each
// scenario and check it against its entry; tests/go/scenarios_test.go checks the Go mirror of
// the scenario against the same entry, so Go itself vouches for the expected output.
//
// An entry (only `file`, `outcome` and `output` are required):
//   file               the scenario's file name in scenarios/
//   outcome            outcome classes allowed in controlled mode: ok, deadlock, panic, leak, error
//   live_outcome       the same for live runs (default: outcome)
//   output             an OutputSpec (below) every controlled run's output satisfies
//   live_output        the OutputSpec for live runs and the Go mirror (default: output)
//   live_order         live runs must keep the order of `lines`/`one_of` (default: compared as
//                      multisets, because in a live run the order of unrelated prints is timing)
//   message            a text the diagnostics must contain (e.g. Go's deadlock message)
//   message_if         {outcome: text}: the same, only for runs that end with that outcome
//   must_see_outcomes  every one of these outcomes occurs in at least one controlled seed
//   must_see_lines     every regex matches a line in at least one controlled seed
//   all_alternatives   every `one_of` alternative occurs in at least one controlled seed
//   preempt_line       {output, must_see_lines}: also run controlled with --preempt line
//   variants           [{name, replace: [from, to], outcome, output}]: the scenario with one
//                      text replaced (a teacher's toggle), run controlled
//   go                 the directory of the Go mirror in tests/go/
//
// An OutputSpec: every field present must hold.
//   lines      the exact lines (in order where order is checked)
//   one_of     a list of alternatives, each a list of lines; one of them must equal the output
//   unordered  the lines as a multiset
//   in_order   lists of lines that must appear in this relative order
//   patterns   regexes: every line must match at least one (search, as Go's MatchString)
//   required   regexes: each must match at least one line
//   count      the number of lines
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rdv::scenarios_test {

using Lines = std::vector<std::string>;

struct OutputSpec {
  std::optional<Lines> lines;
  std::vector<Lines> one_of;
  std::optional<Lines> unordered;
  std::vector<Lines> in_order;
  Lines patterns;
  Lines required;
  std::optional<std::size_t> count;
};

struct PreemptLine {
  OutputSpec output;
  Lines must_see_lines;
};

struct Variant {
  std::string name;
  std::string from, to;  // the text replaced in the script
  Lines outcome;
  OutputSpec output;
};

struct Expectation {
  std::string file;
  Lines outcome;
  Lines live_outcome;  // filled from `outcome` when absent
  OutputSpec output;
  OutputSpec live_output;  // filled from `output` when absent
  bool live_order = false;
  std::string message;
  std::map<std::string, std::string> message_if;
  Lines must_see_outcomes;
  Lines must_see_lines;
  bool all_alternatives = false;
  std::optional<PreemptLine> preempt_line;
  std::vector<Variant> variants;
  std::string go;

  // The text the diagnostics of a run with this outcome must contain ("" = nothing).
  std::string message_for(const std::string& run_outcome) const;
};

// Reads and validates the file. On failure returns nothing and sets `error` ("path: reason").
std::optional<std::vector<Expectation>> load_expectations(const std::string& path,
                                                          std::string* error);

// What is wrong with `got` under `spec` (empty when it satisfies it). `ordered`: compare
// `lines`/`one_of` in order (otherwise as multisets); `unordered` and `in_order` are the same
// either way.
Lines check_output(const OutputSpec& spec, const Lines& got, bool ordered);

// The index of the `one_of` alternative `got` equals, or -1.
int alternative_of(const OutputSpec& spec, const Lines& got, bool ordered);

// Every line of every run joined, for messages.
std::string show(const Lines& lines);

}  // namespace rdv::scenarios_test
