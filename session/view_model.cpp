// session/view_model.cpp — model state to words and rows.
#include "session/view_model.h"

#include "sim/enum_table.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <limits>

namespace rdv::session {

using model::ObjType;
using model::TaskState;

std::string format_time(sim::Nanos t) {
  char buf[48];
  const double v = static_cast<double>(t);
  if (t == 0) return "0 s";
  if (t >= 1'000'000'000 || t <= -1'000'000'000) {
    std::snprintf(buf, sizeof buf, "%.3g s", v / 1e9);
  } else if (t >= 1'000'000 || t <= -1'000'000) {
    std::snprintf(buf, sizeof buf, "%.3g ms", v / 1e6);
  } else if (t >= 1'000 || t <= -1'000) {
    std::snprintf(buf, sizeof buf, "%.3g \xC2\xB5s", v / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%" PRId64 " ns", t);
  }
  return buf;
}

namespace {

// What an object is called in the views, by its kind ("object" for an id never made).
constexpr auto kTypeWords = enum_table<ObjType, const char*, sim::kObjKindCount>(
    {"object", "chan", "timer", "WaitGroup", "Mutex", "atomic", "context", "future", "group",
     "Cond"});

const char* type_word(const model::Model& m, sim::ObjId id, const model::ObjRef& ref) {
  if (ref.type == ObjType::Mutex) {
    const auto* mx = m.head().mutex(id);
    return mx != nullptr && mx->rw ? "RWMutex" : "Mutex";
  }
  return kTypeWords.at(ref.type, "object");
}

std::string task_label(const model::Model& m, sim::TaskId id) {
  if (id == 0) return "the timer";  // the runtime acts for nobody else on a channel
  const std::string_view n = m.task_name(id);
  return n.empty() ? "task " + std::to_string(id) : std::string(n);
}

}  // namespace

const char* event_kind_label(const sim::Event& e) {
  if (e.kind == sim::EventKind::WgAdd && e.arg == -1) return "WgDone";
  return sim::to_string(e.kind);
}

std::string object_label(const model::Model& m, sim::ObjId id) {
  if (id == 0) return "nil channel";
  const model::ObjRef ref = m.object(id);
  if (ref.type == ObjType::Context) {
    if (const model::ContextInfo* c = m.head().context(id)) return "context " + context_name(m, *c);
  }
  std::string s = type_word(m, id, ref);
  const std::string_view name = m.str(ref.name);
  if (name.empty()) return s + " #" + std::to_string(id);
  return s + " " + std::string(name);
}

std::string waits_on(const model::Model& m, const model::State& s, const model::TaskInfo& t) {
  switch (t.state) {
    case TaskState::Running:
      return "running";
    case TaskState::Runnable:
      return "waiting for the scheduler";
    case TaskState::Done:
      return t.exit == 2 ? "stopped (run aborted)" : "returned";
    case TaskState::Panicked:
      return "panicked";
    case TaskState::Sleeping:
      return "sleep until " + format_time(t.until);
    case TaskState::Blocked:
      break;
  }
  switch (t.reason) {
    case sim::BlockReason::ChanSend:
      return "send on " + object_label(m, t.obj);
    case sim::BlockReason::ChanRecv:
      return "recv on " + object_label(m, t.obj);
    case sim::BlockReason::Select: {
      std::string out = "select:";
      for (std::size_t i = 0; i < t.cases.size(); ++i) {
        const model::SelectCase& c = t.cases[i];
        out += i == 0 ? " " : ", ";
        out += c.dir == sim::BlockReason::ChanSend ? "send on " : "recv on ";
        const std::string_view name = c.chan != 0 ? m.object_name(c.chan) : std::string_view();
        out += c.chan == 0    ? "nil"
               : name.empty() ? "#" + std::to_string(c.chan)
                              : std::string(name);
      }
      if (t.cases.empty()) out += " no cases";
      return out;
    }
    case sim::BlockReason::WaitGroup: {
      std::string out = "wait on " + object_label(m, t.obj);
      if (const auto* wg = s.waitgroup(t.obj))
        out += " (counter " + std::to_string(wg->counter) + ")";
      return out;
    }
    case sim::BlockReason::Mutex:
    case sim::BlockReason::RLock: {
      std::string out =
          (t.reason == sim::BlockReason::RLock ? "rlock " : "lock ") + object_label(m, t.obj);
      if (const auto* mx = s.mutex(t.obj)) {
        if (mx->owner != 0) {
          out += " (held by " + task_label(m, mx->owner) + ")";
        } else if (!mx->readers.empty()) {
          out += " (" + std::to_string(mx->readers.size()) + " readers)";
        }
      }
      return out;
    }
    case sim::BlockReason::Future:
      return "get " + object_label(m, t.obj);
    case sim::BlockReason::CondWait: {
      std::string out = "wait on " + object_label(m, t.obj);
      if (const auto* c = s.cond(t.obj)) out += " (L = " + m.cond_locker(*c) + ")";
      return out;
    }
    case sim::BlockReason::Forever:
      return "blocked forever (nil channel)";
    case sim::BlockReason::ChanSendNil:
      return "send on a nil channel: blocked forever";
    case sim::BlockReason::ChanRecvNil:
      return "receive from a nil channel: blocked forever";
    case sim::BlockReason::SelectNoCases:
      return "blocked forever (select with no cases)";
    case sim::BlockReason::Sleep:
      return "sleep until " + format_time(t.until);
    case sim::BlockReason::None:
      break;
  }
  return "blocked";
}

bool is_stuck(const model::State& s, const model::TaskInfo& t) {
  const bool parked = t.state == TaskState::Blocked || t.state == TaskState::Sleeping;
  if (!parked) return false;
  return s.deadlock != sim::kNoSeq || s.outcome == sim::Outcome::Deadlock ||
         s.outcome == sim::Outcome::Leak;
}

TaskRow task_row(const model::Model& m, const model::State& s, const model::TaskInfo& t) {
  TaskRow r;
  r.id = t.id;
  r.index = t.colour;
  r.name = task_label(m, t.id);
  r.visual = visual_state(t);
  r.doing = waits_on(m, s, t);
  r.line = t.alive() ? t.line : 0;  // a task that returned or panicked runs no next line
  r.blocked_time = t.time_in(TaskState::Blocked, s.now) + t.time_in(TaskState::Sleeping, s.now);
  if (t.state == TaskState::Blocked || t.state == TaskState::Sleeping)
    r.blocked_steps = s.applied > t.since ? s.applied - 1 - t.since : 0;
  r.stuck = is_stuck(s, t);
  return r;
}

std::vector<LineMark> line_marks(const model::State& s) {
  std::vector<LineMark> out;
  for (std::size_t i = 0; i < s.tasks.size(); ++i) {
    const model::TaskInfo& t = s.tasks[i];
    if (t.alive() && t.line != 0) out.push_back(LineMark{t.line, i, t.id});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LineMark& a, const LineMark& b) { return a.line < b.line; });
  return out;
}

LineMark just_ran_mark(const model::State& s, sim::TaskId latest) {
  for (std::size_t i = 0; i < s.tasks.size(); ++i) {
    const model::TaskInfo& t = s.tasks[i];
    if (t.id != latest) continue;
    if (!t.alive() || t.last_op_line == 0 || t.last_op_line == t.line) return {};
    return LineMark{t.last_op_line, i, t.id};
  }
  return {};
}

std::uint32_t next_line(const sim::Event& e) {
  if (e.kind != sim::EventKind::TaskSpawn) return e.line;
  return e.aux > 0 && e.aux <= std::numeric_limits<std::uint32_t>::max()
             ? static_cast<std::uint32_t>(e.aux)
             : 0;
}

VarSections variable_rows(const model::State& s, sim::TaskId focus, std::size_t since) {
  VarSections out;
  const auto row = [&](const model::VarInfo& v) {
    return VarRow{&v, v.last.seq != sim::kNoSeq && v.last.seq >= since && v.last.seq < s.applied};
  };
  for (const model::VarInfo& v : s.vars) {
    switch (v.scope) {
      case sim::VarScope::Shared:
        out.shared.push_back(row(v));
        break;
      case sim::VarScope::Global:
        out.globals.push_back(row(v));
        break;
      case sim::VarScope::Local: {
        if (focus != 0 && v.owner != focus) break;
        auto it = std::find_if(out.locals.begin(), out.locals.end(),
                               [&](const TaskVars& t) { return t.task == v.owner; });
        if (it == out.locals.end()) {
          out.locals.push_back({v.owner, {}});
          it = out.locals.end() - 1;
        }
        it->vars.push_back(row(v));
        break;
      }
    }
  }
  // Tasks in spawn order.
  std::stable_sort(out.locals.begin(), out.locals.end(), [&](const TaskVars& a, const TaskVars& b) {
    const model::TaskInfo* ta = s.task(a.task);
    const model::TaskInfo* tb = s.task(b.task);
    return (ta != nullptr ? ta->colour : 0) < (tb != nullptr ? tb->colour : 0);
  });
  return out;
}

std::string lost_update_text(const model::Model& m, const model::VarInfo& v) {
  if (v.lost == 0) return {};
  const std::string by(m.task_name(v.lost_by.task));
  const std::string victim(m.task_name(v.lost_write.task));
  std::string s = "lost update: " + by + " stored " + std::string(v.lost_by.val.view());
  if (v.lost_by.line != 0)
    s += " (line " + std::to_string(v.lost_by.line) + ", #";
  else
    s += " (#";
  s += std::to_string(v.lost_by.seq) + ") over " + victim + "'s " +
       std::string(v.lost_write.val.view()) + " (#" + std::to_string(v.lost_write.seq) +
       "): " + victim + "'s update is gone";
  if (v.lost > 1) s += " (" + std::to_string(v.lost) + " lost so far)";
  return s;
}

LineRange follow_lines(std::span<const LineMark> marks, sim::TaskId focus, sim::TaskId latest,
                       std::uint32_t rows) {
  if (marks.empty()) return {};
  const auto line_of = [&](sim::TaskId id) -> std::uint32_t {
    for (const LineMark& m : marks) {
      if (m.task == id) return m.line;
    }
    return 0;
  };
  if (const std::uint32_t l = focus != 0 ? line_of(focus) : 0; l != 0) return {l, l};
  // marks are sorted by line.
  if (marks.back().line - marks.front().line < std::max<std::uint32_t>(rows, 1)) {
    return {marks.front().line, marks.back().line};
  }
  if (const std::uint32_t l = latest != 0 ? line_of(latest) : 0; l != 0) return {l, l};
  return {marks.front().line, marks.front().line};
}

std::vector<ContextRow> context_tree(const model::State& s) {
  std::vector<ContextRow> out;
  out.reserve(s.contexts.size());
  // Children in order of make under each parent; roots are contexts whose parent is unknown.
  auto visit = [&](auto&& self, sim::ObjId parent, int depth) -> void {
    for (const model::ContextInfo& c : s.contexts) {
      const bool root = depth == 0 && (c.parent == 0 || s.context(c.parent) == nullptr);
      if ((depth == 0 && root) || (depth > 0 && c.parent == parent && c.parent != 0)) {
        out.push_back(ContextRow{&c, depth});
        if (depth < 64) self(self, c.id, depth + 1);
      }
    }
  };
  visit(visit, 0, 0);
  return out;
}

std::string context_name(const model::Model& m, const model::ContextInfo& c) {
  if (c.made < m.size()) {
    const sim::Event& e = m.events()[c.made];
    if (e.kind == sim::EventKind::CtxMake && !e.val.empty()) return std::string(e.val.view());
  }
  const std::string_view kind = m.str(c.kind);
  return kind.empty() ? "context #" + std::to_string(c.id) : std::string(kind);
}

std::string context_status(const model::Model& m, const model::State& s,
                           const model::ContextInfo& c) {
  if (!c.cancelled) {
    std::string out = "active";
    if (c.deadline >= 0) out += ", deadline " + format_time(c.deadline);
    return out;
  }
  std::string out = "cancelled: " + std::string(m.str(c.err));
  if (c.cause != 0 && c.cause != c.id) {
    const model::ContextInfo* origin = s.context(c.cause);
    out += " (cascade from " +
           (origin != nullptr ? context_name(m, *origin) : "#" + std::to_string(c.cause)) + ")";
  }
  return out;
}

std::vector<ConsoleLine> console_lines(const model::Model& m, std::size_t n) {
  n = std::min(n, m.size());
  const auto prints = m.prints();
  const auto notes = m.notes();
  const auto diags = m.diagnostics();
  // Merge the three sorted seq lists up to n.
  std::vector<std::uint32_t> seqs;
  const std::size_t k = model::Model::count_until(prints, n == 0 ? 0 : n - 1);
  const std::size_t kn = model::Model::count_until(notes, n == 0 ? 0 : n - 1);
  const std::size_t kd = model::Model::count_until(diags, n == 0 ? 0 : n - 1);
  if (n == 0) return {};
  seqs.reserve(k + kn + kd);
  seqs.insert(seqs.end(), prints.begin(), prints.begin() + static_cast<std::ptrdiff_t>(k));
  seqs.insert(seqs.end(), notes.begin(), notes.begin() + static_cast<std::ptrdiff_t>(kn));
  seqs.insert(seqs.end(), diags.begin(), diags.begin() + static_cast<std::ptrdiff_t>(kd));
  std::sort(seqs.begin(), seqs.end());
  std::vector<ConsoleLine> out;
  out.reserve(seqs.size());
  for (const std::uint32_t q : seqs) {
    const sim::Event& e = m.events()[q];
    ConsoleLine l;
    l.seq = q;
    l.task = e.task;
    l.line = e.line;
    l.text = std::string(m.text(e));
    switch (e.kind) {
      case sim::EventKind::Print:
        l.kind = (e.flags & sim::kPrintStderr) != 0 ? ConsoleKind::Stderr : ConsoleKind::Print;
        break;
      case sim::EventKind::Note:
        l.kind = ConsoleKind::Note;
        break;
      case sim::EventKind::Panic:
        l.kind = ConsoleKind::Panic;
        l.text = "panic: " + l.text + "  [" + task_label(m, e.task) +
                 (e.line != 0 ? ", line " + std::to_string(e.line) : std::string()) + "]";
        break;
      case sim::EventKind::Recover:
        l.kind = ConsoleKind::Recover;
        l.text = "recovered: " + l.text + "  [" + task_label(m, e.task) + "]";
        break;
      case sim::EventKind::Deadlock:
        l.kind = ConsoleKind::Deadlock;
        l.text = "fatal error: all goroutines are asleep - deadlock!";
        break;
      case sim::EventKind::Leak:
        // Main returned with this task alive: the program ended without it (Go's state word).
        l.kind = ConsoleKind::Leak;
        if (e.reason == sim::BlockReason::None) {
          l.text = "main returned: " + task_label(m, e.task) + " never ran again (runnable" +
                   (e.line != 0 ? ", line " + std::to_string(e.line) : std::string()) + ")";
        } else {
          l.text = "leak: " + task_label(m, e.task) + " still blocked (" +
                   sim::to_string(e.reason) + (e.obj != 0 ? " on " + object_label(m, e.obj) : "") +
                   (e.line != 0 ? ", line " + std::to_string(e.line) : std::string()) + ")";
        }
        break;
      case sim::EventKind::RunEnd: {
        l.kind = ConsoleKind::End;
        const auto o = static_cast<sim::Outcome>(e.arg);
        l.text = std::string("run ended: ") + sim::to_string(o);
        break;
      }
      default:
        continue;  // CtxCancel markers belong to the timeline, not the console
    }
    out.push_back(std::move(l));
  }
  return out;
}

std::string_view code_without_comment(std::string_view code, bool go) {
  char quote = 0;  // the open string's delimiter, 0 outside strings
  std::size_t end = code.size();
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (quote != 0) {
      if (ch == '\\' && quote != '`') {
        ++i;  // an escaped character, e.g. \"
      } else if (ch == quote) {
        quote = 0;
      }
      continue;
    }
    if (ch == '"' || ch == '\'' || (go && ch == '`')) {
      quote = ch;
      continue;
    }
    const char next = i + 1 < code.size() ? code[i + 1] : '\0';
    if ((!go && ch == '-' && next == '-') || (go && ch == '/' && (next == '/' || next == '*'))) {
      end = i;
      break;
    }
  }
  while (end > 0 && (code[end - 1] == ' ' || code[end - 1] == '\t')) --end;
  return code.substr(0, end);
}

std::string stuck_banner(const model::State& s, ShownPanes shown) {
  std::size_t stuck = 0;
  for (const auto& t : s.tasks) stuck += is_stuck(s, t) ? 1u : 0u;
  if (stuck == 0) return {};
  bool in_channel = false;
  for (const model::ChannelInfo& ch : s.channels) {
    for (const auto* q : {&ch.sendq, &ch.recvq, &ch.selects}) {
      for (const model::Waiter& w : *q) {
        const model::TaskInfo* t = s.task(w.task);
        in_channel = in_channel || (t != nullptr && is_stuck(s, *t));
      }
    }
  }
  std::string panes;
  if (shown.tasks) panes = "Tasks";
  if (in_channel && shown.channels) panes += panes.empty() ? "Channels" : " and Channels";
  return std::to_string(stuck) + (stuck == 1 ? " task" : " tasks") + " left blocked: " +
         (panes.empty() ? std::string("see the report below") : "highlighted in red in " + panes);
}

std::string report_after_console(const std::string& diagnostics,
                                 const std::vector<ConsoleLine>& lines) {
  std::string_view rest = diagnostics;
  for (const ConsoleLine& l : lines) {
    if (l.kind != ConsoleKind::Deadlock) continue;
    if (rest.starts_with(l.text)) {
      rest.remove_prefix(l.text.size());
      while (!rest.empty() && rest.front() == '\n') rest.remove_prefix(1);
    }
  }
  return std::string(rest);
}

std::uint32_t error_line(std::string_view message, std::string_view chunkname) {
  if (chunkname.empty()) return 0;
  std::size_t at = 0;
  while ((at = message.find(chunkname, at)) != std::string_view::npos) {
    std::size_t i = at + chunkname.size();
    at = i;
    if (i >= message.size() || message[i] != ':') continue;
    ++i;
    std::uint32_t n = 0;
    std::size_t digits = 0;
    while (i < message.size() && std::isdigit(static_cast<unsigned char>(message[i])) != 0 &&
           digits < 9) {
      n = n * 10 + static_cast<std::uint32_t>(message[i] - '0');
      ++i;
      ++digits;
    }
    if (digits > 0 && n > 0) return n;
  }
  return 0;
}

std::string_view source_line(std::string_view source, std::uint32_t line) {
  if (line == 0) return {};
  std::size_t begin = 0;
  for (std::uint32_t i = 1; i < line; ++i) {
    begin = source.find('\n', begin);
    if (begin == std::string_view::npos) return {};
    ++begin;
  }
  std::size_t end = std::min(source.find('\n', begin), source.size());
  while (begin < end && (source[begin] == ' ' || source[begin] == '\t')) ++begin;
  while (end > begin &&
         (source[end - 1] == ' ' || source[end - 1] == '\t' || source[end - 1] == '\r'))
    --end;
  return source.substr(begin, end - begin);
}

std::string exercise_goal(std::string_view expect) {
  if (expect.find("deadlock") != std::string_view::npos &&
      expect.find("never") == std::string_view::npos)
    return "Goal: make it deadlock. Pick who runs next until every task waits on another.";
  if (expect.find("leak") != std::string_view::npos)
    return "Goal: make main return while a task is still blocked (a leak).";
  if (expect.find("panic") != std::string_view::npos) return "Goal: find the schedule that panics.";
  if (expect.find("return early") != std::string_view::npos)
    return "Goal: make main get past its wait before every worker has finished (it returns early).";
  return "";
}

}  // namespace rdv::session
