// Reading expectations.json and checking a run's output against an OutputSpec.
//
// The JSON is validated strictly (unknown keys are errors): a typo in a field name would
// otherwise silently turn a check off.
#include "tests/scenarios/expectations.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace rdv::scenarios_test {
namespace {

using nlohmann::json;

struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void only_keys(const json& j, const std::set<std::string>& allowed, const std::string& where) {
  if (!j.is_object()) throw Bad(where + ": expected an object");
  for (const auto& [k, v] : j.items()) {
    if (!allowed.count(k)) throw Bad(where + ": unknown field '" + k + "'");
  }
}

Lines strings(const json& j, const std::string& where) {
  if (!j.is_array()) throw Bad(where + ": expected an array of strings");
  Lines out;
  for (const auto& s : j) {
    if (!s.is_string()) throw Bad(where + ": expected an array of strings");
    out.push_back(s.get<std::string>());
  }
  return out;
}

std::vector<Lines> string_lists(const json& j, const std::string& where) {
  if (!j.is_array()) throw Bad(where + ": expected an array of arrays of strings");
  std::vector<Lines> out;
  for (const auto& l : j) out.push_back(strings(l, where));
  return out;
}

Lines regexes(const json& j, const std::string& where) {
  Lines out = strings(j, where);
  for (const auto& r : out) {
    try {
      std::regex check(r);
    } catch (const std::regex_error& e) {
      throw Bad(where + ": bad regex '" + r + "': " + e.what());
    }
  }
  return out;
}

const Lines kOutcomes = {"ok", "deadlock", "panic", "leak", "error"};

Lines outcomes(const json& j, const std::string& where) {
  Lines out = strings(j, where);
  if (out.empty()) throw Bad(where + ": empty");
  for (const auto& o : out) {
    if (std::find(kOutcomes.begin(), kOutcomes.end(), o) == kOutcomes.end()) {
      throw Bad(where + ": unknown outcome '" + o + "'");
    }
  }
  return out;
}

OutputSpec spec(const json& j, const std::string& where) {
  only_keys(j, {"lines", "one_of", "unordered", "in_order", "patterns", "required", "count"},
            where);
  OutputSpec s;
  if (j.contains("lines")) s.lines = strings(j["lines"], where + ".lines");
  if (j.contains("one_of")) s.one_of = string_lists(j["one_of"], where + ".one_of");
  if (j.contains("unordered")) s.unordered = strings(j["unordered"], where + ".unordered");
  if (j.contains("in_order")) s.in_order = string_lists(j["in_order"], where + ".in_order");
  if (j.contains("patterns")) s.patterns = regexes(j["patterns"], where + ".patterns");
  if (j.contains("required")) s.required = regexes(j["required"], where + ".required");
  if (j.contains("count")) {
    if (!j["count"].is_number_unsigned()) throw Bad(where + ".count: expected a count");
    s.count = j["count"].get<std::size_t>();
  }
  if (!s.lines && s.one_of.empty() && !s.unordered && s.patterns.empty() && s.required.empty()) {
    throw Bad(where + ": says nothing about the output");
  }
  return s;
}

Expectation entry(const json& j, std::size_t index) {
  std::string where = "scenarios[" + std::to_string(index) + "]";
  if (!j.is_object() || !j.contains("file") || !j["file"].is_string()) {
    throw Bad(where + ": needs a \"file\"");
  }
  Expectation e;
  e.file = j["file"].get<std::string>();
  where = e.file;
  only_keys(j,
            {"file", "outcome", "live_outcome", "output", "live_output", "live_order", "message",
             "message_if", "must_see_outcomes", "must_see_lines", "all_alternatives",
             "preempt_line", "variants", "go", "go_messages"},
            where);
  if (!j.contains("outcome") || !j.contains("output")) {
    throw Bad(where + ": needs \"outcome\" and \"output\"");
  }
  e.outcome = outcomes(j["outcome"], where + ".outcome");
  e.live_outcome =
      j.contains("live_outcome") ? outcomes(j["live_outcome"], where + ".live_outcome") : e.outcome;
  e.output = spec(j["output"], where + ".output");
  e.live_output =
      j.contains("live_output") ? spec(j["live_output"], where + ".live_output") : e.output;
  e.live_order = j.value("live_order", false);
  e.message = j.value("message", std::string{});
  if (j.contains("message_if")) {
    for (const auto& [k, v] : j["message_if"].items()) e.message_if[k] = v.get<std::string>();
  }
  if (j.contains("must_see_outcomes")) {
    e.must_see_outcomes = outcomes(j["must_see_outcomes"], where + ".must_see_outcomes");
  }
  if (j.contains("must_see_lines")) {
    e.must_see_lines = regexes(j["must_see_lines"], where + ".must_see_lines");
  }
  e.all_alternatives = j.value("all_alternatives", false);
  if (e.all_alternatives && e.output.one_of.empty()) {
    throw Bad(where + ": all_alternatives without one_of");
  }
  if (j.contains("preempt_line")) {
    const json& p = j["preempt_line"];
    only_keys(p, {"output", "must_see_lines"}, where + ".preempt_line");
    PreemptLine pl;
    pl.output = spec(p.at("output"), where + ".preempt_line.output");
    if (p.contains("must_see_lines")) {
      pl.must_see_lines = regexes(p["must_see_lines"], where + ".preempt_line.must_see_lines");
    }
    e.preempt_line = pl;
  }
  if (j.contains("variants")) {
    for (const auto& v : j["variants"]) {
      only_keys(v, {"name", "replace", "outcome", "output"}, where + ".variants");
      Variant var;
      var.name = v.at("name").get<std::string>();
      const Lines rep = strings(v.at("replace"), where + ".variants.replace");
      if (rep.size() != 2) throw Bad(where + ".variants.replace: expected [from, to]");
      var.from = rep[0];
      var.to = rep[1];
      var.outcome = outcomes(v.at("outcome"), where + ".variants.outcome");
      var.output = spec(v.at("output"), where + ".variants.output");
      e.variants.push_back(std::move(var));
    }
  }
  e.go = j.value("go", std::string{});
  return e;
}

bool same(Lines a, Lines b, bool ordered) {
  if (!ordered) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
  }
  return a == b;
}

bool subsequence(const Lines& got, const Lines& want) {
  std::size_t i = 0;
  for (const auto& g : got) {
    if (i < want.size() && g == want[i]) ++i;
  }
  return i == want.size();
}

bool any_line_matches(const Lines& lines, const std::regex& re) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return std::regex_search(l, re); });
}

}  // namespace

std::string Expectation::message_for(const std::string& run_outcome) const {
  auto it = message_if.find(run_outcome);
  return it != message_if.end() ? it->second : message;
}

std::optional<std::vector<Expectation>> load_expectations(const std::string& path,
                                                          std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot open";
    return std::nullopt;
  }
  try {
    const json doc = json::parse(in);
    if (!doc.contains("scenarios") || !doc["scenarios"].is_array()) {
      throw Bad("expected {\"scenarios\": [...]}");
    }
    std::vector<Expectation> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < doc["scenarios"].size(); ++i) {
      out.push_back(entry(doc["scenarios"][i], i));
      if (!seen.insert(out.back().file).second) throw Bad(out.back().file + ": listed twice");
    }
    return out;
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return std::nullopt;
  }
}

Lines check_output(const OutputSpec& spec, const Lines& got, bool ordered) {
  Lines problems;
  if (spec.lines && !same(*spec.lines, got, ordered)) {
    problems.push_back("expected the lines:\n" + show(*spec.lines));
  }
  if (!spec.one_of.empty() && alternative_of(spec, got, ordered) < 0) {
    problems.push_back("the output is none of the " + std::to_string(spec.one_of.size()) +
                       " allowed alternatives");
  }
  if (spec.unordered && !same(*spec.unordered, got, false)) {
    problems.push_back("expected these lines in any order:\n" + show(*spec.unordered));
  }
  for (const auto& seq : spec.in_order) {
    if (!subsequence(got, seq)) problems.push_back("expected in this order:\n" + show(seq));
  }
  if (!spec.patterns.empty()) {
    std::vector<std::regex> res;
    for (const auto& p : spec.patterns) res.emplace_back(p);
    for (const auto& line : got) {
      const bool ok = std::any_of(res.begin(), res.end(), [&](const std::regex& re) {
        return std::regex_search(line, re);
      });
      if (!ok) problems.push_back("unexpected line: " + line);
    }
  }
  for (const auto& r : spec.required) {
    if (!any_line_matches(got, std::regex(r))) problems.push_back("no line matches " + r);
  }
  if (spec.count && got.size() != *spec.count) {
    problems.push_back("expected " + std::to_string(*spec.count) + " lines, got " +
                       std::to_string(got.size()));
  }
  return problems;
}

int alternative_of(const OutputSpec& spec, const Lines& got, bool ordered) {
  for (std::size_t i = 0; i < spec.one_of.size(); ++i) {
    if (same(spec.one_of[i], got, ordered)) return static_cast<int>(i);
  }
  return -1;
}

std::string show(const Lines& lines) {
  std::ostringstream out;
  for (const auto& l : lines) out << "    | " << l << "\n";
  if (lines.empty()) out << "    (no output)\n";
  return out.str();
}

}  // namespace rdv::scenarios_test
