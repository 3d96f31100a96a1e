// session/api_help.cpp — the API table and the lookup of a call under the mouse.
#include "session/api_help.h"

#include "script/lua_lexer.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace rdv::session {

namespace {

using K = ApiKind;

// clang-format off
constexpr std::array kEntries = {
  // ---- the scenario -------------------------------------------------------------------------
  ApiEntry{"Scenario", K::Global, "", "scenario", "scenario { title = …, chapter, concept, watch }",
           "The header the app lists: title, chapter, the concept shown and what to watch for.",
           "(package doc comment)"},
  ApiEntry{"Scenario", K::Global, "", "ms", "ms",
           "1: durations are in milliseconds (virtual time in controlled mode, wall in live).",
           "time.Millisecond"},
  ApiEntry{"Scenario", K::Global, "", "second", "second", "1000 (ms).", "time.Second"},
  // ---- channels -----------------------------------------------------------------------------
  ApiEntry{"Channels", K::Global, "", "chan", "chan(cap [, name])",
           "Makes a channel holding up to cap values (0: unbuffered, a rendezvous).",
           "make(chan T, cap)"},
  ApiEntry{"Channels", K::Global, "", "nilchan", "nilchan()",
           "A nil channel: send and receive block forever; close panics.", "var ch chan T"},
  ApiEntry{"Channels", K::Method, "channel", "send", "ch:send(v)",
           "Sends v; blocks until a receiver takes it (or a buffer slot is free). Panics if closed.",
           "ch <- v"},
  ApiEntry{"Channels", K::Method, "channel", "recv", "v, ok = ch:recv()",
           "Receives; blocks until a value comes. ok is false once closed and drained (v is nil).",
           "v, ok := <-ch"},
  ApiEntry{"Channels", K::Method, "channel", "close", "ch:close()",
           "Closes: receivers drain what is buffered, then get nil, false. Closing twice panics.",
           "close(ch)"},
  ApiEntry{"Channels", K::Method, "channel", "len", "ch:len()",
           "How many values wait in the buffer now.", "len(ch)"},
  ApiEntry{"Channels", K::Method, "channel", "cap", "ch:cap()", "The buffer's capacity.",
           "cap(ch)"},
  ApiEntry{"Channels", K::Method, "channel", "range", "for v in ch:range() do … end",
           "Receives until the channel is closed and drained.", "for v := range ch { … }"},
  ApiEntry{"Channels", K::Method, "channel", "stop", "t:stop()",
           "Stops a ticker (no more ticks) or a timer (true if it had not fired yet). Only on a "
           "ticker's or a timer's channel.",
           "t.Stop()"},
  ApiEntry{"Channels", K::Method, "channel", "reset", "t:reset(d)",
           "Re-arms a timer to fire d ms from now; true if it was still pending. Does not drain "
           "a value already sent.",
           "t.Reset(d)"},
  // ---- tasks ---------------------------------------------------------------------------------
  ApiEntry{"Tasks", K::Global, "", "go", "go([name,] fn, ...)",
           "Starts a task running fn(...) concurrently; returns its handle. Never blocks.",
           "go fn(...)"},
  ApiEntry{"Tasks", K::Method, "task", "id", "t:id()", "The task's number (main is 1).",
           "(no goroutine ids in Go)"},
  ApiEntry{"Tasks", K::Method, "task", "name", "t:name()",
           "The task's name (\"go@<line>\" when go() was given none).", "(none)"},
  // ---- select --------------------------------------------------------------------------------
  ApiEntry{"Select", K::Global, "", "select", "select { case, …, default = fn }",
           "Waits until one case can proceed and runs its function (a random one if several); "
           "returns what it returns. With default, never blocks.",
           "select { case …: … default: … }"},
  ApiEntry{"Select", K::Global, "", "on_recv", "on_recv(ch, function(v, ok) … end)",
           "A select case receiving from ch; its function gets v, ok.", "case v, ok := <-ch:"},
  ApiEntry{"Select", K::Global, "", "on_send", "on_send(ch, v, function() … end)",
           "A select case sending v on ch.", "case ch <- v:"},
  ApiEntry{"Select", K::Other, "select", "default", "default = function() … end",
           "Runs when no case is ready at once, so the select does not block.", "default:"},
  // ---- time ----------------------------------------------------------------------------------
  ApiEntry{"Time", K::Global, "", "sleep", "sleep(d)",
           "Blocks this task for d ms (virtual time in controlled mode).", "time.Sleep(d)"},
  ApiEntry{"Time", K::Global, "", "after", "after(d)",
           "A channel that receives the time (ms) once, d ms from now.", "time.After(d)"},
  ApiEntry{"Time", K::Global, "", "now", "now()", "The run's clock in ms since its start.",
           "time.Since(start)"},
  ApiEntry{"Time", K::Global, "", "ticker", "ticker(d)",
           "A channel receiving the time every d ms until :stop().", "time.NewTicker(d).C"},
  ApiEntry{"Time", K::Global, "", "timer", "timer(d)",
           "A channel receiving the time once, d ms from now, unless :stop() comes first; "
           ":stop() and :reset(d) say whether it was still pending.",
           "time.NewTimer(d)"},
  // ---- sync ----------------------------------------------------------------------------------
  ApiEntry{"WaitGroup", K::Global, "", "waitgroup", "waitgroup([name])",
           "A counter of tasks to wait for.", "var wg sync.WaitGroup"},
  ApiEntry{"WaitGroup", K::Method, "waitgroup", "add", "wg:add(n)",
           "Adds n to the counter; call before go(), not inside the task. Negative panics.",
           "wg.Add(n)"},
  ApiEntry{"WaitGroup", K::Method, "waitgroup", "done", "wg:done()",
           "Subtracts one: a task says it has finished.", "wg.Done()"},
  ApiEntry{"WaitGroup", K::Method, "waitgroup", "wait", "wg:wait()",
           "Blocks until the counter is zero.", "wg.Wait()"},
  ApiEntry{"Locks", K::Global, "", "mutex", "mutex([name])", "A mutual-exclusion lock.",
           "var mu sync.Mutex"},
  ApiEntry{"Locks", K::Method, "mutex", "lock", "mu:lock()",
           "Takes the lock; blocks while another task holds it.", "mu.Lock()"},
  ApiEntry{"Locks", K::Method, "mutex", "unlock", "mu:unlock()",
           "Releases the lock. Unlocking an unlocked mutex is fatal.", "mu.Unlock()"},
  ApiEntry{"Locks", K::Method, "mutex", "try_lock", "mu:try_lock()",
           "Takes the lock if free; returns true if it did. Never blocks.", "mu.TryLock()"},
  ApiEntry{"Locks", K::Global, "", "rwmutex", "rwmutex([name])",
           "A reader/writer lock: many readers or one writer.", "var rw sync.RWMutex"},
  ApiEntry{"Locks", K::Method, "rwmutex", "lock", "rw:lock()",
           "Takes the write lock; blocks while anyone reads or writes.", "rw.Lock()"},
  ApiEntry{"Locks", K::Method, "rwmutex", "unlock", "rw:unlock()", "Releases the write lock.",
           "rw.Unlock()"},
  ApiEntry{"Locks", K::Method, "rwmutex", "rlock", "rw:rlock()",
           "Takes a read lock; blocks while a writer holds or waits for the lock.", "rw.RLock()"},
  ApiEntry{"Locks", K::Method, "rwmutex", "runlock", "rw:runlock()", "Releases a read lock.",
           "rw.RUnlock()"},
  ApiEntry{"Locks", K::Method, "rwmutex", "rlocker", "rw:rlocker()",
           "A locker whose lock/unlock are rw's rlock/runlock, for cond().", "rw.RLocker()"},
  ApiEntry{"Locks", K::Method, "rlocker", "lock", "r:lock()", "rw:rlock() of its rwmutex.",
           "rw.RLocker().Lock()"},
  ApiEntry{"Locks", K::Method, "rlocker", "unlock", "r:unlock()", "rw:runlock() of its rwmutex.",
           "rw.RLocker().Unlock()"},
  ApiEntry{"Locks", K::Global, "", "cond", "cond(l [, name])",
           "A condition variable on the lock l (its L): a mutex, an rwmutex (its write lock), "
           "rw:rlocker(), any value with lock and unlock methods, or nil. Tasks wait for a "
           "change another task announces.",
           "sync.NewCond(&mu)"},
  ApiEntry{"Locks", K::Method, "cond", "locker", "c:locker()", "The lock given to cond().",
           "c.L"},
  ApiEntry{"Locks", K::Method, "cond", "set_locker", "c:set_locker(l)",
           "Replaces the lock Wait unlocks and locks again.", "c.L = l"},
  ApiEntry{"Locks", K::Method, "cond", "wait", "c:wait()",
           "Unlocks L, sleeps until signalled, locks L again. Hold L; call it in a loop "
           "that rechecks the condition. A nil L panics.",
           "c.Wait()"},
  ApiEntry{"Locks", K::Method, "cond", "signal", "c:signal()",
           "Wakes the task that has waited longest, if any.", "c.Signal()"},
  ApiEntry{"Locks", K::Method, "cond", "broadcast", "c:broadcast()", "Wakes every waiting task.",
           "c.Broadcast()"},
  ApiEntry{"Locks", K::Method, "rwmutex", "try_lock", "rw:try_lock()",
           "Takes the write lock if free; returns true if it did.", "rw.TryLock()"},
  ApiEntry{"Locks", K::Method, "rwmutex", "try_rlock", "rw:try_rlock()",
           "Takes a read lock if possible; returns true if it did.", "rw.TryRLock()"},
  ApiEntry{"Atomics", K::Global, "", "atomic", "atomic(n [, name])",
           "An integer counter updated atomically, starting at n.", "var a atomic.Int64"},
  ApiEntry{"Atomics", K::Method, "atomic", "add", "a:add(d)", "Adds d; returns the new value.",
           "a.Add(d)"},
  ApiEntry{"Atomics", K::Method, "atomic", "load", "a:load()", "Reads the value.", "a.Load()"},
  ApiEntry{"Atomics", K::Method, "atomic", "store", "a:store(v)", "Sets the value.",
           "a.Store(v)"},
  ApiEntry{"Atomics", K::Method, "atomic", "swap", "a:swap(v)",
           "Sets the value; returns the old one.", "a.Swap(v)"},
  ApiEntry{"Atomics", K::Method, "atomic", "compare_and_swap", "a:compare_and_swap(old, v)",
           "Sets v only if the value is old; returns true if it did.", "a.CompareAndSwap(old, v)"},
  // ---- context -------------------------------------------------------------------------------
  ApiEntry{"Context", K::Global, "", "context", "context.…",
           "The context tree: cancellation and deadlines flow from parent to children.",
           "import \"context\""},
  ApiEntry{"Context", K::Field, "context", "background", "context.background()",
           "The root context: never cancelled; its done() is a nil channel.",
           "context.Background()"},
  ApiEntry{"Context", K::Field, "context", "with_cancel", "ctx, cancel = context.with_cancel(p)",
           "A child of p, cancelled by cancel() or when p is.", "context.WithCancel(p)"},
  ApiEntry{"Context", K::Field, "context", "with_timeout",
           "ctx, cancel = context.with_timeout(p, d)",
           "A child of p, cancelled after d ms, by cancel() or when p is.",
           "context.WithTimeout(p, d)"},
  ApiEntry{"Context", K::Method, "context", "done", "ctx:done()",
           "A channel closed when the context is cancelled: receive it in a select.",
           "ctx.Done()"},
  ApiEntry{"Context", K::Method, "context", "err", "ctx:err()",
           "nil, \"context canceled\" or \"context deadline exceeded\".", "ctx.Err()"},
  ApiEntry{"Context", K::Method, "context", "cause", "ctx:cause()",
           "nil while live; then the value given to the cancel(cause) that reached it, else "
           "ctx:err().",
           "context.Cause(ctx)"},
  ApiEntry{"Context", K::Method, "context", "after_func", "stop = ctx:after_func(fn [, name])",
           "Once ctx is cancelled, runs fn() in a new task; no task exists before (at once if "
           "ctx is cancelled already).",
           "stop := context.AfterFunc(ctx, fn)"},
  ApiEntry{"Context", K::Other, "cancel func", "cancel", "cancel()",
           "Cancels the context and its children; calling it again does nothing.", "cancel()"},
  ApiEntry{"Context", K::Other, "stop func", "stop", "stop()",
           "after_func's: true if it kept fn from starting; false once fn started or after "
           "a first stop().",
           "stop()"},
  // ---- futures -------------------------------------------------------------------------------
  ApiEntry{"Futures", K::Global, "", "promise", "promise([name])",
           "A value to be set once, read through its future.", "make(chan T, 1) (written once)"},
  ApiEntry{"Futures", K::Method, "promise", "set", "p:set(v)",
           "Fulfils the promise with v; waiting get() calls return v, nil.", "ch <- v"},
  ApiEntry{"Futures", K::Method, "promise", "fail", "p:fail(err)",
           "Rejects the promise: get() returns nil, err.", "errCh <- err"},
  ApiEntry{"Futures", K::Method, "promise", "future", "p:future()", "The read side: a future.",
           "(<-chan T)(ch)"},
  ApiEntry{"Futures", K::Global, "", "async", "async(fn, ...)",
           "Runs fn(...) in a new task; returns a future of its first result (or its error).",
           "go func() { ch <- fn() }()"},
  ApiEntry{"Futures", K::Method, "future", "get", "v, err = f:get()",
           "Blocks until the future is settled; returns v, nil or nil, err.", "v := <-ch"},
  ApiEntry{"Futures", K::Global, "", "all", "all(futures)",
           "Waits for every future: their values, nil, or nil and the first error.",
           "errgroup + a results slice"},
  ApiEntry{"Futures", K::Global, "", "all_settled", "all_settled(futures)",
           "Waits for every future: { {ok=true, value=v} | {ok=false, err=e}, … } in order.",
           "WaitGroup + a results slice"},
  // ---- groups --------------------------------------------------------------------------------
  ApiEntry{"Groups", K::Global, "", "group", "group([ctx] [, name])",
           "A task group: the first error cancels the group's context.",
           "errgroup.WithContext(ctx)"},
  ApiEntry{"Groups", K::Method, "group", "go", "g:go(fn [, name])",
           "Runs fn(ctx) in a task of the group; a non-nil return value is its error.",
           "g.Go(func() error { … })"},
  ApiEntry{"Groups", K::Method, "group", "wait", "err = g:wait()",
           "Blocks until every task of the group ended; returns the first error or nil.",
           "err := g.Wait()"},
  ApiEntry{"Groups", K::Method, "group", "context", "g:context()",
           "The group's context, cancelled at the first error.", "ctx (from WithContext)"},
  // ---- output, randomness, panics ------------------------------------------------------------
  ApiEntry{"Output", K::Global, "", "print", "print(...)",
           "One line of output, values separated by tabs (the Console).", "fmt.Println(...)"},
  ApiEntry{"Output", K::Global, "", "eprint", "eprint(...)",
           "A line on the error stream (stderr of `rendezvous run`; the Console, coloured).",
           "fmt.Fprintln(os.Stderr, ...)"},
  ApiEntry{"Output", K::Global, "", "exit", "exit([status])",
           "Ends the run at once with status 0-255: no pcall catches it, other tasks stop where "
           "they are, nothing is a leak; a non-zero status ends it as an error.",
           "os.Exit(status)"},
  ApiEntry{"Output", K::Global, "", "ntasks", "ntasks()",
           "The number of tasks started and not yet finished, main included.",
           "runtime.NumGoroutine()"},
  ApiEntry{"Output", K::Global, "", "goexit", "goexit()",
           "Ends the calling task without a panic: pcall catches it with no Panic or Recover "
           "(returning false and the Goexit value, so cleanup can run and pass it on with "
           "error()); uncaught, the task ends as if its function had returned.",
           "runtime.Goexit()"},
  ApiEntry{"Output", K::Global, "", "callers", "lines = callers()",
           "The script lines of the calls on this task's stack, innermost first: each call's "
           "current line, then the line its function starts on.",
           "runtime.Callers / runtime.Caller"},
  ApiEntry{"Output", K::Global, "", "note", "note(text)",
           "A marker with text on this task's timeline lane.", "trace.Log(ctx, \"\", text)"},
  ApiEntry{"Output", K::Global, "", "rand", "rand(n), rand()",
           "An integer in [1, n], or a float in [0, 1), from the run's seed (reproducible).",
           "rand.Intn(n) + 1, rand.Float64()"},
  ApiEntry{"Panics", K::Global, "", "panic", "panic(v)",
           "A Go panic: ends the run unless the task recovers it with pcall.", "panic(v)"},
  ApiEntry{"Panics", K::Global, "", "error", "error(msg)",
           "Inside a task, a panic with msg.", "panic(errors.New(msg))"},
  ApiEntry{"Panics", K::Global, "", "pcall", "ok, err = pcall(fn, ...)",
           "Runs fn; catches a panic (err is its value). Go's recover. Cannot catch a reset.",
           "defer func() { err = recover() }()"},
};
// clang-format on

bool is_token(const std::vector<script::Token>& toks, std::size_t i, std::string_view src,
              std::string_view text) {
  return i < toks.size() && src.substr(toks[i].begin, toks[i].size) == text;
}

std::string_view text_of(const script::Token& t, std::string_view src) {
  return src.substr(t.begin, t.size);
}

// Index of the significant token before i (no whitespace or comment), or nullopt.
std::optional<std::size_t> prev_significant(const std::vector<script::Token>& toks, std::size_t i) {
  while (i > 0) {
    --i;
    if (toks[i].kind != script::TokenKind::Whitespace && toks[i].kind != script::TokenKind::Comment)
      return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> next_significant(const std::vector<script::Token>& toks, std::size_t i) {
  for (++i; i < toks.size(); ++i) {
    if (toks[i].kind != script::TokenKind::Whitespace && toks[i].kind != script::TokenKind::Comment)
      return i;
  }
  return std::nullopt;
}

// The object type a constructor call returns: `chan(…)` → "channel".
std::string_view type_made_by(std::string_view owner, std::string_view name, bool method) {
  if (method) {
    if (name == "future") return "future";
    if (name == "done") return "channel";
    if (name == "context") return "context";
    return "";
  }
  if (owner == "context") return "context";
  if (name == "chan" || name == "nilchan" || name == "after" || name == "ticker" || name == "timer")
    return "channel";
  if (name == "async") return "future";
  if (name == "go") return "task";
  for (std::string_view t : {"waitgroup", "mutex", "rwmutex", "atomic", "promise", "group"})
    if (name == t) return t;
  return "";
}

// The type `recv` was made as: the last `recv[, …] = ctor(` (or `a, recv = …` for the first
// result only) before `before` in the token list.
std::string_view infer_type(const std::vector<script::Token>& toks, std::string_view src,
                            std::string_view recv, std::size_t before) {
  std::string_view found;
  for (std::size_t i = 0; i < before && i < toks.size(); ++i) {
    if (toks[i].kind != script::TokenKind::Name || text_of(toks[i], src) != recv) continue;
    // The variable must be the first of its assignment's names: `local recv, x = ...`.
    const auto p = prev_significant(toks, i);
    if (p && is_token(toks, *p, src, ",")) continue;
    // Skip `, name` pairs up to `=`.
    auto j = next_significant(toks, i);
    while (j && is_token(toks, *j, src, ",")) {
      j = next_significant(toks, *j);
      if (j) j = next_significant(toks, *j);
    }
    if (!j || !is_token(toks, *j, src, "=")) continue;
    auto k = next_significant(toks, *j);  // the constructor's first name
    if (!k || toks[*k].kind != script::TokenKind::Name) continue;
    std::string_view owner, name = text_of(toks[*k], src);
    bool method = false;
    // Follow `a.b` / `a:b` chains to the called name.
    for (auto n = next_significant(toks, *k);
         n && (is_token(toks, *n, src, ".") || is_token(toks, *n, src, ":"));
         n = next_significant(toks, *k)) {
      const auto m = next_significant(toks, *n);
      if (!m || toks[*m].kind != script::TokenKind::Name) break;
      method = is_token(toks, *n, src, ":");
      owner = name;
      name = text_of(toks[*m], src);
      k = m;
    }
    const auto call = next_significant(toks, *k);
    if (!call || !(is_token(toks, *call, src, "(") || is_token(toks, *call, src, "{"))) continue;
    found = type_made_by(owner, name, method);
  }
  return found;
}

// The type a receiver's name suggests: `wg` a WaitGroup, `ctx` a context, ...
std::string_view type_from_name(std::string_view recv) {
  auto has = [&](std::string_view s) { return recv.find(s) != std::string_view::npos; };
  if (has("wg")) return "waitgroup";
  if (has("ctx")) return "context";
  if (has("rw")) return "rwmutex";
  if (has("mu") || has("lock")) return "mutex";
  if (has("group") || has("grp") || recv == "g" || recv == "eg") return "group";
  if (has("fut") || recv == "f") return "future";
  if (has("prom") || recv == "p") return "promise";
  if (has("ch") || has("chan")) return "channel";
  if (has("counter") || has("atomic") || recv == "a") return "atomic";
  return "";
}

}  // namespace

std::span<const ApiEntry> api_entries() {
  return kEntries;
}

std::vector<const ApiEntry*> api_at_offset(std::string_view source, std::size_t offset) {
  const std::vector<script::Token> toks = script::tokenize_lua(source);
  const auto it =
      std::upper_bound(toks.begin(), toks.end(), offset,
                       [](std::size_t o, const script::Token& t) { return o < t.begin; });
  if (it == toks.begin()) return {};
  const auto i = static_cast<std::size_t>(it - toks.begin() - 1);
  const script::Token& tok = toks[i];
  if (tok.kind != script::TokenKind::Name || offset >= tok.begin + tok.size) return {};
  const std::string_view name = text_of(tok, source);
  std::vector<const ApiEntry*> out;
  const auto p = prev_significant(toks, i);
  const bool after_colon = p && is_token(toks, *p, source, ":");
  const bool after_dot = p && is_token(toks, *p, source, ".");
  if (after_colon) {
    for (const ApiEntry& e : kEntries)
      if (e.kind == K::Method && e.name == name) out.push_back(&e);
    if (out.size() <= 1) return out;
    // Several types have this method: which one is the receiver?
    const auto r = prev_significant(toks, *p);
    std::string_view type;
    if (r && toks[*r].kind == script::TokenKind::Name) {
      const std::string_view recv = text_of(toks[*r], source);
      type = infer_type(toks, source, recv, *r);
      if (type.empty()) type = infer_type(toks, source, recv, toks.size());
      if (type.empty()) type = type_from_name(recv);
    }
    const auto match =
        std::find_if(out.begin(), out.end(), [&](const ApiEntry* e) { return e->owner == type; });
    if (match != out.end()) return {*match};
    return out;
  }
  if (after_dot) {
    const auto r = prev_significant(toks, *p);
    if (!r || toks[*r].kind != script::TokenKind::Name) return {};
    const std::string_view owner = text_of(toks[*r], source);
    for (const ApiEntry& e : kEntries)
      if (e.kind == K::Field && e.owner == owner && e.name == name) out.push_back(&e);
    return out;
  }
  // A global: `go(…)`, `context` in `context.background`, `default =` inside a select.
  for (const ApiEntry& e : kEntries) {
    if (e.kind == K::Global && e.name == name) out.push_back(&e);
  }
  if (out.empty() && name == "default") {
    const auto n = next_significant(toks, i);
    if (n && is_token(toks, *n, source, "=")) {
      for (const ApiEntry& e : kEntries)
        if (e.kind == K::Other && e.name == "default") out.push_back(&e);
    }
  }
  return out;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
         (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int display_columns(std::string_view s, std::size_t i) {
  const auto byte = static_cast<unsigned char>(s[i]);
  if ((byte & 0xC0) == 0x80) return 0;
  if (byte == '\t') return 4;
  if (byte < 0xE0) return 1;  // ASCII and two-byte sequences: nothing wide below U+0800
  // A three- or four-byte sequence (a malformed one counts as one column).
  const std::size_t n = byte < 0xF0 ? 3 : 4;
  if (i + n > s.size()) return 1;
  char32_t cp = byte & (n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 1;
    cp = (cp << 6) | (c & 0x3F);
  }
  return is_wide(cp) ? 2 : 1;
}

std::optional<std::size_t> offset_at(std::string_view source, int line, int column) {
  if (line < 1 || column < 0) return std::nullopt;
  std::size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    pos = source.find('\n', pos);
    if (pos == std::string_view::npos) return std::nullopt;
    ++pos;
  }
  int col = 0;
  for (std::size_t i = pos; i < source.size() && source[i] != '\n'; ++i) {
    const int width = display_columns(source, i);
    if (width == 0) continue;  // continuation bytes take no column
    if (column < col + width) return i;
    col += width;
  }
  return std::nullopt;
}

std::vector<const ApiEntry*> api_at(std::string_view source, int line, int column) {
  const std::optional<std::size_t> offset = offset_at(source, line, column);
  if (!offset) return {};
  return api_at_offset(source, *offset);
}

}  // namespace rdv::session
