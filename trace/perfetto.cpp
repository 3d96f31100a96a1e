// Perfetto export: one pass over the events with a little state per task (the open slice) and
// per channel (which sends sit in its buffer), after a first pass that marks which sends were
// received, so that only those slices carry a flow.
#include "trace/perfetto.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <functional>
#include <map>
#include <unordered_map>

#include "trace/file_sink.h"
#include "trace/json_text.h"

namespace rdv::trace {
namespace {

using sim::Event;
using sim::EventKind;

constexpr sim::Nanos kStepNs = 1000;  // Steps axis: 1 µs per event
constexpr sim::Nanos kOpNs = 100;     // operation slices in the Steps axis

// Microseconds with three decimals, from nanoseconds.
void append_us(std::string& out, sim::Nanos ns) {
  if (ns < 0) ns = 0;
  json::append_int(out, ns / 1000);
  const auto frac = static_cast<int>(ns % 1000);
  if (frac) {
    out += '.';
    out += static_cast<char>('0' + frac / 100);
    out += static_cast<char>('0' + frac / 10 % 10);
    out += static_cast<char>('0' + frac % 10);
  }
}

// An event kind's name in lower case, as the instants read ("Note" -> "note").
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Exporter {
 public:
  Exporter(const Trace& t, PerfettoOptions o, const std::function<bool(std::string&)>& sink)
      : t_(t), sink_(sink) {
    steps_ = o.axis == TimeAxis::Steps || (o.axis == TimeAxis::Auto && t.header.mode != "live");
  }

  bool run() {
    // Pass 1: which sends did a receive take?
    taken_.assign(t_.events.size(), false);
    for (const Event& e : t_.events) {
      if (e.kind == EventKind::ChanRecv && e.peer_seq < e.seq &&
          t_.events[static_cast<std::size_t>(e.peer_seq)].kind == EventKind::ChanSend) {
        taken_[static_cast<std::size_t>(e.peer_seq)] = true;
      }
    }
    out_ = "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
    meta("process_name", 0,
         "rendezvous: " + (t_.header.title.empty() ? t_.header.scenario : t_.header.title));
    // Pass 2: everything else, in stream order.
    sim::Nanos last = 0;
    for (const Event& e : t_.events) {
      last = std::max(last, e.t);  // live runs: clamp, as the model does
      now_ = steps_ ? last + static_cast<sim::Nanos>(e.seq) * kStepNs : last;
      if (!event(e)) return false;
    }
    for (auto& [tid, open] : open_) close_slice(tid, open);
    out_ += "{\"name\":\"end\",\"ph\":\"i\",\"s\":\"g\",";
    place(0, now_);
    out_ += "}\n]}\n";
    return sink_(out_);
  }

 private:
  struct Open {
    std::string name;
    sim::Nanos start = 0;
    bool active = false;
    std::uint32_t line = 0;  // the line the task executes next, as the slice starts (0 unknown)
  };

  bool event(const Event& e) {
    follow_line(e);
    if (sim::makes_object(e.kind)) {
      std::string name(t_.text(e));
      if (name.empty()) name = "#" + std::to_string(e.obj);
      objs_[e.obj] = name;
      if (e.kind == EventKind::ChanMake) counter(e.obj, 0);
    }
    switch (e.kind) {
      case EventKind::TaskSpawn: {
        const std::string name(t_.text(e));
        names_[e.task] = name;
        meta("thread_name", e.task, name.empty() ? "task " + std::to_string(e.task) : name);
        meta_sort(e.task, sort_++);
        state(e.task, "runnable");
        break;
      }
      case EventKind::TaskRun:
        state(e.task, "running");
        break;
      case EventKind::TaskYield:
      case EventKind::TaskUnblock:
        state(e.task, "runnable");
        break;
      case EventKind::TaskAt:
        // The running task reached a scheduling point at another line: its slice is split so
        // that each part names the line it runs towards.
        if (auto it = open_.find(e.task); it != open_.end() && it->second.active) {
          state(e.task, std::string(it->second.name));
        }
        break;
      case EventKind::TaskBlock:
        if (e.reason == sim::BlockReason::Sleep) {
          state(e.task, "sleep");
        } else {
          std::string what = std::string("blocked: ") + sim::to_string(e.reason);
          if (e.obj) what += " " + obj_name(e.obj);
          state(e.task, what);
        }
        break;
      case EventKind::TaskExit:
        if (auto it = open_.find(e.task); it != open_.end()) close_slice(e.task, it->second);
        if (e.arg == 1) instant(e.task, "panicked", "t");
        break;
      case EventKind::ChanSend: {
        op(e, "send " + obj_name(e.obj), taken_[static_cast<std::size_t>(e.seq)] ? 1 : 0);
        if (e.peer == 0 && e.obj) {
          auto& buf = buffers_[e.obj];
          buf.push_back(e.seq);
          counter(e.obj, buf.size());
        }
        break;
      }
      case EventKind::ChanRecv: {
        const bool flow = e.peer_seq < e.seq && taken_[static_cast<std::size_t>(e.peer_seq)];
        op(e, "recv " + obj_name(e.obj), flow ? 2 : 0);
        if (auto it = buffers_.find(e.obj); it != buffers_.end() && e.peer_seq != sim::kNoSeq) {
          auto& buf = it->second;
          for (auto s = buf.begin(); s != buf.end(); ++s) {
            if (*s == e.peer_seq) {
              buf.erase(s);
              counter(e.obj, buf.size());
              break;
            }
          }
        }
        break;
      }
      case EventKind::ChanClose:
        op(e, "close " + obj_name(e.obj), 0);
        break;
      case EventKind::SelectChoose:
        op(e, e.arg < 0 ? std::string("select: default") : "select: case " + std::to_string(e.arg),
           0);
        break;
      case EventKind::WgAdd:
        op(e, "wg.add " + obj_name(e.obj), 0);
        break;
      case EventKind::MutexLock:
        op(e, (e.arg ? "rlock " : "lock ") + obj_name(e.obj), 0);
        break;
      case EventKind::MutexUnlock:
        op(e, (e.arg ? "runlock " : "unlock ") + obj_name(e.obj), 0);
        break;
      case EventKind::CondWait:
        op(e, "cond.wait " + obj_name(e.obj), 0);
        break;
      case EventKind::CondSignal:
        op(e, "cond.signal " + obj_name(e.obj), 0);
        break;
      case EventKind::CondBroadcast:
        op(e, "cond.broadcast " + obj_name(e.obj), 0);
        break;
      case EventKind::FutureSet:
        op(e, "set " + obj_name(e.obj), 0);
        break;
      case EventKind::FutureFail:
        op(e, "fail " + obj_name(e.obj), 0);
        break;
      case EventKind::Note:
      case EventKind::Print:
      case EventKind::Panic:
      case EventKind::Recover:
        // Named by the kind and the event's text: "note: …", "print: …", "panic: …".
        instant(e.task, lower(sim::to_string(e.kind)) + ": " + std::string(t_.text(e)), "t");
        break;
      case EventKind::CtxCancel:
        instant(e.task, "cancel " + obj_name(e.obj) + ": " + std::string(t_.text(e)), "t");
        break;
      case EventKind::Leak:
        instant(e.task, std::string("leak: ") + sim::to_string(e.reason), "t");
        break;
      case EventKind::VarSet:
        instant(e.task, std::string(t_.text(e)) + " = " + std::string(e.val.view()), "t");
        break;
      case EventKind::Deadlock:
        instant(0, "fatal error: all goroutines are asleep - deadlock!", "g");
        break;
      case EventKind::RunEnd:
        instant(0,
                std::string("run ended: ") + sim::to_string(static_cast<sim::Outcome>(
                                                 std::clamp<std::int64_t>(e.arg, 0, 6))),
                "g");
        break;
      default:
        break;
    }
    if (out_.size() >= (std::size_t{1} << 20)) return sink_(out_);
    return true;
  }

  std::string obj_name(sim::ObjId id) const {
    if (id == 0) return "nil";
    const auto it = objs_.find(id);
    return it == objs_.end() ? "#" + std::to_string(id) : it->second;
  }

  void meta(const char* what, sim::TaskId tid, const std::string& name) {
    out_ += "{\"name\":\"";
    out_ += what;
    out_ += "\",\"ph\":\"M\",\"pid\":1,\"tid\":";
    json::append_int(out_, tid);
    out_ += ",\"args\":{\"name\":";
    json::append_string(out_, name, json::Bytes::Replace);
    out_ += "}},\n";
  }
  void meta_sort(sim::TaskId tid, int index) {
    out_ += "{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":";
    json::append_int(out_, tid);
    out_ += ",\"args\":{\"sort_index\":";
    json::append_int(out_, index);
    out_ += "}},\n";
  }

  // The fields that place an event on a track and in time: "pid":1,"tid":<tid>,"ts":<µs>.
  void place(sim::TaskId tid, sim::Nanos ts) {
    out_ += "\"pid\":1,\"tid\":";
    json::append_int(out_, tid);
    out_ += ",\"ts\":";
    append_us(out_, ts);
  }

  void slice(sim::TaskId tid, const std::string& name, const char* cat, sim::Nanos start,
             sim::Nanos dur, const std::string& extra) {
    out_ += "{\"name\":";
    json::append_string(out_, name, json::Bytes::Replace);
    out_ += ",\"cat\":\"";
    out_ += cat;
    out_ += "\",\"ph\":\"X\",";
    place(tid, start);
    out_ += ",\"dur\":";
    append_us(out_, dur);
    out_ += extra;
    out_ += "},\n";
  }

  void close_slice(sim::TaskId tid, Open& open) {
    if (!open.active) return;
    std::string extra;
    if (open.line) extra = ",\"args\":{\"line\":" + std::to_string(open.line) + "}";
    slice(tid, open.name, "state", open.start, now_ - open.start, extra);
    open.active = false;
  }

  void state(sim::TaskId tid, const std::string& name) {
    Open& open = open_[tid];
    close_slice(tid, open);
    const auto line = lines_.find(tid);
    open = Open{name, now_, true, line != lines_.end() ? line->second : 0};
  }

  // Each task's line as the stream gives it (sim/event.h, "Lines"): in a version 2 trace the
  // line it executes next at every point where another task may run.
  void follow_line(const Event& e) {
    if (e.kind == EventKind::VarSet || e.task == 0) return;
    if (e.kind == EventKind::TaskSpawn) {
      if (e.peer && e.line) lines_[e.peer] = e.line;
      if (e.aux > 0) lines_[e.task] = static_cast<std::uint32_t>(e.aux);
      return;
    }
    if (e.line) lines_[e.task] = e.line;
  }

  // An operation as a short slice; flow: 1 = out (a send), 2 = in (the receive that took it).
  void op(const Event& e, const std::string& name, int flow) {
    std::string extra;
    if (flow) {
      const sim::Seq id = flow == 1 ? e.seq : e.peer_seq;
      char hex[24];
      const auto r = std::to_chars(hex, hex + sizeof hex, id, 16);
      extra = ",\"bind_id\":\"0x" + std::string(hex, r.ptr) + "\"";
      extra += flow == 1 ? ",\"flow_out\":true" : ",\"flow_in\":true";
    }
    extra += ",\"args\":{\"seq\":" + std::to_string(e.seq);
    if (!e.val.empty()) {
      extra += ",\"val\":";
      json::append_string(extra, e.val.view(), json::Bytes::Replace);
    }
    if (e.line) extra += ",\"line\":" + std::to_string(e.line);
    extra += '}';
    if (e.task == 0) runtime_track();
    slice(e.task, name, "op", now_, steps_ ? kOpNs : 0, extra);
  }

  void instant(sim::TaskId tid, const std::string& name, const char* scope) {
    if (tid == 0) runtime_track();
    out_ += "{\"name\":";
    json::append_string(out_, name.substr(0, json::utf8_prefix(name, 200)), json::Bytes::Replace);
    out_ += ",\"ph\":\"i\",\"s\":\"";
    out_ += scope;
    out_ += "\",";
    place(tid, now_);
    out_ += "},\n";
  }

  void counter(sim::ObjId chan, std::size_t len) {
    out_ += "{\"name\":";
    json::append_string(out_, "len(" + obj_name(chan) + ")", json::Bytes::Replace);
    out_ += ",\"ph\":\"C\",\"pid\":1,\"ts\":";
    append_us(out_, now_);
    out_ += ",\"args\":{\"len\":";
    json::append_int(out_, len);
    out_ += "}},\n";
  }

  void runtime_track() {
    if (runtime_named_) return;
    runtime_named_ = true;
    meta("thread_name", 0, "runtime");
    meta_sort(0, -1);
  }

  const Trace& t_;
  const std::function<bool(std::string&)>& sink_;
  bool steps_ = true;
  sim::Nanos now_ = 0;
  std::string out_;
  std::vector<bool> taken_;
  std::map<sim::TaskId, Open> open_;  // ordered: the output is deterministic
  std::unordered_map<sim::TaskId, std::string> names_;
  std::unordered_map<sim::TaskId, std::uint32_t> lines_;  // follow_line()
  std::unordered_map<sim::ObjId, std::string> objs_;
  std::unordered_map<sim::ObjId, std::deque<sim::Seq>> buffers_;
  int sort_ = 0;
  bool runtime_named_ = false;
};

}  // namespace

std::string format_perfetto(const Trace& t, PerfettoOptions options) {
  std::string all;
  const std::function<bool(std::string&)> sink = [&](std::string& buf) {
    all += buf;
    buf.clear();
    return true;
  };
  Exporter(t, options, sink).run();
  return all;
}

Status export_perfetto(const Trace& t, const std::string& path, PerfettoOptions options) {
  auto file = FileSink::create(path);
  if (!file) return Error{file.error()};
  const std::function<bool(std::string&)> sink = [&](std::string& buf) { return file->write(buf); };
  if (!Exporter(t, options, sink).run()) return Error{path + ": write failed: " + file->error()};
  return file->commit();
}

}  // namespace rdv::trace
