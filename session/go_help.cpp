// session/go_help.cpp — the Go help table and the lookup of a call under the mouse.
#include "session/go_help.h"

#include "gofront/tokens.h"
#include "session/api_help.h"

#include <algorithm>
#include <array>
#include <optional>

namespace rdv::session {

namespace {

using K = GoHelpKind;
using gofront::GoToken;
using gofront::GoTokenKind;

// clang-format off
constexpr std::array kEntries = {
  // ---- goroutines and channels ---------------------------------------------------------------
  GoHelp{K::Keyword, "", "go", "go f(x)",
         "Starts f(x) in a new goroutine; the go statement never blocks. The program ends when "
         "main returns, whatever the other goroutines are doing.",
         "go(f, x)"},
  GoHelp{K::Keyword, "", "chan", "chan T, chan<- T, <-chan T",
         "A channel type: both ways, send-only, receive-only. Its zero value is nil: a send or "
         "receive on a nil channel blocks forever.",
         "chan(cap)"},
  GoHelp{K::Builtin, "", "make", "make(chan T, n)",
         "Makes a channel with a buffer of n values; without n it is unbuffered and every send "
         "waits for a receiver. (make also makes slices and maps.)",
         "chan(n)"},
  GoHelp{K::Arrow, "", "send", "ch <- v",
         "Sends v: blocks until a receiver takes it or a buffer slot is free. Panics if ch is "
         "closed (\"send on closed channel\"); blocks forever if ch is nil.",
         "ch:send(v)"},
  GoHelp{K::Arrow, "", "recv", "v, ok := <-ch",
         "Receives: blocks until a value comes. From a closed, drained channel it returns the "
         "zero value at once, with ok false. Blocks forever if ch is nil.",
         "v, ok = ch:recv()"},
  GoHelp{K::Builtin, "", "close", "close(ch)",
         "Closes ch: receivers drain its buffer, then get the zero value and ok false, and a "
         "range over it ends. Closing it again, or closing nil, panics; so does a later send.",
         "ch:close()"},
  GoHelp{K::Builtin, "", "len", "len(ch)",
         "Of a channel: how many values wait in its buffer now. Of a slice, map or string: its "
         "length.",
         "ch:len()"},
  GoHelp{K::Builtin, "", "cap", "cap(ch)",
         "Of a channel: its buffer size (0: unbuffered). Of a slice: its capacity.", "ch:cap()"},
  GoHelp{K::Keyword, "", "range", "for v := range ch",
         "Over a channel: receives until it is closed and drained, and blocks forever if nobody "
         "closes it. Over a slice, map, string or integer: iterates.",
         "for v in ch:range() do … end"},
  GoHelp{K::Keyword, "", "select", "select { case …: … default: … }",
         "Waits until one of its cases can proceed and runs it; when several can, picks one at "
         "random. With default it never blocks; select {} blocks forever.",
         "select { on_recv(…), on_send(…), default = … }"},
  GoHelp{K::Keyword, "", "defer", "defer f()",
         "Runs f() when the surrounding function returns, by a panic too, the last deferred "
         "first: the place for wg.Done() and mu.Unlock().",
         "(call it before each return)"},
  GoHelp{K::Builtin, "", "panic", "panic(v)",
         "Stops the goroutine, running its deferred calls; unless one of them recovers, the "
         "program ends with \"panic: v\" and the goroutine's trace.",
         "panic(v)"},
  GoHelp{K::Builtin, "", "recover", "recover()",
         "Inside a deferred call: stops a panic and returns its value (nil when there is none).",
         "pcall(f)"},
  // ---- time ----------------------------------------------------------------------------------
  GoHelp{K::Member, "time", "Sleep", "time.Sleep(d)", "Pauses the goroutine for at least d.",
         "sleep(ms)"},
  GoHelp{K::Member, "time", "After", "time.After(d)",
         "A channel that receives the time once, after d: the usual timeout case of a select.",
         "after(ms)"},
  GoHelp{K::Member, "time", "Tick", "time.Tick(d)",
         "A channel that receives the time every d, for ever (it cannot be stopped).",
         "ticker(ms)"},
  GoHelp{K::Member, "time", "NewTimer", "time.NewTimer(d)",
         "A timer whose channel C receives once, after d. Stop cancels it, Reset re-arms it.",
         "timer(ms)"},
  GoHelp{K::Member, "time", "NewTicker", "time.NewTicker(d)",
         "A ticker whose channel C receives every d until Stop (a slow receiver misses ticks).",
         "ticker(ms)"},
  GoHelp{K::Member, "time", "Now", "time.Now()", "The current time (the run's clock).", "now()"},
  GoHelp{K::Member, "time", "Since", "time.Since(t)", "The time passed since t.",
         "now() - t"},
  GoHelp{K::Member, "time", "Millisecond", "time.Millisecond", "A duration of 1 ms.", "ms"},
  GoHelp{K::Member, "time", "Second", "time.Second", "A duration of 1 s.", "second"},
  GoHelp{K::Method, "Timer", "Stop", "t.Stop()",
         "Stops the timer (or ticker); true if it had not fired yet. Does not drain a value "
         "already sent on C.",
         "t:stop()"},
  GoHelp{K::Method, "Timer", "Reset", "t.Reset(d)",
         "Re-arms the timer to fire d from now; true if it was still pending. Does not drain a "
         "value already sent on C.",
         "t:reset(ms)"},
  // ---- sync ----------------------------------------------------------------------------------
  GoHelp{K::Member, "sync", "WaitGroup", "var wg sync.WaitGroup",
         "A counter of goroutines to wait for: Add before starting them, Done as each ends, Wait "
         "until it is zero. Do not copy it after first use (pass a pointer).",
         "waitgroup()"},
  GoHelp{K::Method, "WaitGroup", "Add", "wg.Add(n)",
         "Adds n to the counter; call it before the go statement, not inside the goroutine. "
         "Below zero it panics: \"sync: negative WaitGroup counter\".",
         "wg:add(n)"},
  GoHelp{K::Method, "WaitGroup", "Done", "wg.Done()",
         "Takes one from the counter (wg.Add(-1)); usually deferred at the goroutine's start.",
         "wg:done()"},
  GoHelp{K::Method, "WaitGroup", "Wait", "wg.Wait()", "Blocks until the counter is zero.",
         "wg:wait()"},
  GoHelp{K::Method, "WaitGroup", "Go", "wg.Go(f)",
         "Runs f in a new goroutine counted by the group: Add(1) now, Done when f returns "
         "(Go 1.25).",
         "wg:add(1); go(function() f() wg:done() end)"},
  GoHelp{K::Member, "sync", "Mutex", "var mu sync.Mutex",
         "A mutual exclusion lock; its zero value is unlocked. Do not copy it after first use.",
         "mutex()"},
  GoHelp{K::Member, "sync", "RWMutex", "var mu sync.RWMutex",
         "A lock held by one writer or by many readers.", "rwmutex()"},
  GoHelp{K::Method, "Mutex", "Lock", "mu.Lock()",
         "Blocks until the lock is free, then holds it. Locking it again from the goroutine "
         "that holds it deadlocks.",
         "mu:lock()"},
  GoHelp{K::Method, "Mutex", "Unlock", "mu.Unlock()",
         "Releases the lock; unlocking an unlocked mutex is a fatal error.", "mu:unlock()"},
  GoHelp{K::Method, "Mutex", "TryLock", "mu.TryLock()",
         "Takes the lock if it is free and says whether it did; never blocks (a loop of it is a "
         "busy-wait).",
         "mu:try_lock()"},
  GoHelp{K::Method, "RWMutex", "RLock", "mu.RLock()",
         "Blocks while a writer holds or waits for the lock, then holds it for reading.",
         "rw:rlock()"},
  GoHelp{K::Method, "RWMutex", "RUnlock", "mu.RUnlock()", "Releases one read hold.",
         "rw:runlock()"},
  GoHelp{K::Method, "RWMutex", "RLocker", "rw.RLocker()",
         "A sync.Locker whose Lock and Unlock are rw's RLock and RUnlock: a Cond over the read "
         "lock.",
         "rw:rlocker()"},
  GoHelp{K::Member, "sync", "NewCond", "c := sync.NewCond(&mu)",
         "A condition variable on the Locker l, its c.L (a *sync.Mutex, a *sync.RWMutex, "
         "rw.RLocker(), any type with Lock and Unlock): goroutines Wait until another Signals or "
         "Broadcasts a change.",
         "cond(mu)"},
  GoHelp{K::Member, "sync", "Cond", "var c sync.Cond",
         "A condition variable whose L is set by hand (c.L = &mu) before its first Wait; Wait on "
         "a nil L panics.",
         "cond(nil), c:set_locker(mu)"},
  GoHelp{K::Method, "Cond", "Wait", "c.Wait()",
         "Unlocks c.L, sleeps until woken by Signal or Broadcast, locks c.L again. Hold c.L, and "
         "wait in a for loop that rechecks the condition.",
         "c:wait()"},
  GoHelp{K::Method, "Cond", "Signal", "c.Signal()",
         "Wakes the goroutine that has waited longest, if any.", "c:signal()"},
  GoHelp{K::Method, "Cond", "Broadcast", "c.Broadcast()", "Wakes every waiting goroutine.",
         "c:broadcast()"},
  GoHelp{K::Member, "sync", "Once", "var once sync.Once",
         "Runs a function exactly once, however many goroutines call Do.", "(a flag and a mutex)"},
  GoHelp{K::Method, "Once", "Do", "once.Do(f)",
         "Calls f the first time only; the other callers block until that call has returned.",
         "(a flag and a mutex)"},
  // ---- sync/atomic ---------------------------------------------------------------------------
  GoHelp{K::Member, "atomic", "AddInt64", "atomic.AddInt64(&x, d)",
         "Adds d to x in one indivisible step and returns the new value.", "a:add(d)"},
  GoHelp{K::Member, "atomic", "LoadInt64", "atomic.LoadInt64(&x)", "Reads x indivisibly.",
         "a:load()"},
  GoHelp{K::Member, "atomic", "StoreInt64", "atomic.StoreInt64(&x, v)", "Writes x indivisibly.",
         "a:store(v)"},
  GoHelp{K::Member, "atomic", "CompareAndSwapInt64", "atomic.CompareAndSwapInt64(&x, old, new)",
         "Sets x to new if it is old, in one step; true if it did.",
         "a:compare_and_swap(old, new)"},
  GoHelp{K::Member, "atomic", "Int64", "var n atomic.Int64",
         "An int64 read and written only indivisibly: Add, Load, Store, Swap, CompareAndSwap.",
         "atomic(0)"},
  // ---- context -------------------------------------------------------------------------------
  GoHelp{K::Member, "context", "Background", "context.Background()",
         "The root context: never cancelled, no deadline.", "context.background()"},
  GoHelp{K::Member, "context", "WithCancel", "ctx, cancel := context.WithCancel(parent)",
         "A child of parent and its cancel function: cancel (or the parent's cancellation) "
         "closes ctx.Done() for it and every context made from it. Call cancel when done.",
         "ctx, cancel = context.with_cancel(parent)"},
  GoHelp{K::Member, "context", "WithTimeout", "ctx, cancel := context.WithTimeout(parent, d)",
         "As WithCancel, and cancelled by itself after d: ctx.Err() is then "
         "context.DeadlineExceeded.",
         "context.with_timeout(parent, ms)"},
  GoHelp{K::Member, "context", "WithDeadline", "ctx, cancel := context.WithDeadline(parent, t)",
         "As WithTimeout, with a time instead of a duration.", "context.with_deadline(parent, t)"},
  GoHelp{K::Member, "context", "WithCancelCause",
         "ctx, cancel := context.WithCancelCause(parent)",
         "As WithCancel, with cancel(cause): context.Cause(ctx) then gives the cause, to it and "
         "to every context its cancellation reaches (Go 1.20).",
         "ctx, cancel = context.with_cancel(parent); cancel(cause)"},
  GoHelp{K::Member, "context", "Cause", "context.Cause(ctx)",
         "Why ctx was cancelled: the cause given to the cancel that reached it, else ctx.Err(); "
         "nil while it is live (Go 1.20).",
         "ctx:cause()"},
  GoHelp{K::Member, "context", "AfterFunc", "stop := context.AfterFunc(ctx, f)",
         "Runs f in a goroutine of its own once ctx is done; no goroutine exists before. "
         "stop() is true if it kept f from starting (Go 1.21).",
         "stop = ctx:after_func(f)"},
  GoHelp{K::Method, "Context", "Done", "<-ctx.Done()",
         "A channel closed when the context is cancelled or its deadline passes: a case in a "
         "select.",
         "ctx:done()"},
  GoHelp{K::Method, "Context", "Err", "ctx.Err()",
         "nil while the context is live; then context.Canceled or context.DeadlineExceeded. "
         "Never blocks (a loop of it is a busy-wait).",
         "ctx:err()"},
  // ---- errgroup ------------------------------------------------------------------------------
  GoHelp{K::Member, "errgroup", "WithContext", "g, ctx := errgroup.WithContext(parent)",
         "A group of goroutines and a context cancelled when the first of them returns an error "
         "(or when Wait returns).",
         "group(parent)"},
  GoHelp{K::Method, "Group", "Go", "g.Go(func() error { … })",
         "Runs the function in a new goroutine of the group (waiting first while SetLimit's "
         "limit is reached).",
         "g:go(fn)"},
  GoHelp{K::Method, "Group", "Wait", "err := g.Wait()",
         "Blocks until every goroutine of the group has returned; the first error, or nil.",
         "err = g:wait()"},
  // ---- output --------------------------------------------------------------------------------
  GoHelp{K::Member, "fmt", "Println", "fmt.Println(a, b)",
         "Prints its operands separated by spaces, then a newline.", "print(a, b)"},
  GoHelp{K::Member, "fmt", "Printf", "fmt.Printf(format, a)",
         "Prints a formatted with %v, %d, %s, %q… (no newline unless the format has one).",
         "print(string.format(format, a))"},
  GoHelp{K::Builtin, "", "println", "println(a, b)",
         "The runtime's own print, to standard error: operands separated by spaces, a float as "
         "+1.500000e+000; print is the same without spaces or newline.",
         "eprint(a, b)"},
  // ---- runtime -------------------------------------------------------------------------------
  GoHelp{K::Member, "runtime", "Gosched", "runtime.Gosched()",
         "Lets other goroutines run: a point where the scheduler may switch; it never blocks, "
         "so a loop of it is a busy-wait.",
         "sleep(0)"},
  GoHelp{K::Member, "runtime", "NumGoroutine", "runtime.NumGoroutine()",
         "How many goroutines exist now: started and not yet returned, main included.",
         "ntasks()"},
};
// clang-format on

// The index of the last token before `i` that is not whitespace or a comment.
std::optional<std::size_t> prev_significant(const std::vector<GoToken>& toks, std::size_t i) {
  while (i-- > 0) {
    if (toks[i].kind != GoTokenKind::Whitespace && toks[i].kind != GoTokenKind::Comment) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> next_significant(const std::vector<GoToken>& toks, std::size_t i) {
  for (++i; i < toks.size(); ++i) {
    if (toks[i].kind != GoTokenKind::Whitespace && toks[i].kind != GoTokenKind::Comment) return i;
  }
  return std::nullopt;
}

std::string_view text_of(const GoToken& t, std::string_view source) {
  return source.substr(t.begin, t.size);
}

// The type a method's receiver `recv` has, from how the program declares or makes it:
// `recv sync.WaitGroup` / `recv *sync.Mutex` (a var, a parameter, a field), `recv :=
// time.NewTimer(…)`, `recv, cancel := context.WithCancel(…)`, `recv, ctx :=
// errgroup.WithContext(…)`; else from its name (wg, mu, ctx, ...). Empty when nothing tells.
std::string_view receiver_type(const std::vector<GoToken>& toks, std::string_view source,
                               std::string_view recv) {
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind != GoTokenKind::Name || text_of(toks[i], source) != recv) continue;
    // Up to eight tokens on: `[*] pkg . Type` or `[, x] := pkg . Func`.
    std::size_t j = i;
    for (int k = 0; k < 8; ++k) {
      const auto n = next_significant(toks, j);
      if (!n) break;
      j = *n;
      const std::string_view t = text_of(toks[j], source);
      if (toks[j].kind != GoTokenKind::Name) {
        if (t == "*" || t == "," || t == ":=" || t == "=" || t == "&") continue;
        break;
      }
      const auto dot = next_significant(toks, j);
      if (!dot || text_of(toks[*dot], source) != ".") continue;  // `x` in `g, x :=`
      const auto member = next_significant(toks, *dot);
      if (!member) break;
      const std::string_view pkg = t;
      const std::string_view m = text_of(toks[*member], source);
      if (pkg == "sync" && (m == "WaitGroup" || m == "Mutex" || m == "RWMutex" || m == "Once"))
        return m;
      if (pkg == "sync" && (m == "Cond" || m == "NewCond")) return "Cond";
      if (pkg == "context" && (m == "Context" || m.starts_with("With"))) return "Context";
      if (pkg == "time" && (m == "NewTimer" || m == "NewTicker")) return "Timer";
      if (pkg == "errgroup" && (m == "Group" || m == "WithContext")) {
        // `g, ctx := errgroup.WithContext(…)`: the first name is the group.
        const auto before = prev_significant(toks, i);
        const bool second = before && text_of(toks[*before], source) == ",";
        return second ? "Context" : "Group";
      }
      break;
    }
  }
  if (recv == "wg" || recv.ends_with("wg") || recv.ends_with("WG")) return "WaitGroup";
  if (recv == "mu" || recv == "mtx" || recv.ends_with("mu") || recv.ends_with("Mu")) return "Mutex";
  if (recv == "ctx" || recv.ends_with("Ctx")) return "Context";
  if (recv == "g" || recv == "eg") return "Group";
  if (recv == "t" || recv == "timer" || recv == "ticker") return "Timer";
  return {};
}

}  // namespace

std::span<const GoHelp> go_help_entries() {
  return kEntries;
}

std::vector<const GoHelp*> go_help_at_offset(std::string_view source, std::size_t offset) {
  const std::vector<GoToken> toks = gofront::tokenize_go(source);
  const auto it = std::upper_bound(toks.begin(), toks.end(), offset,
                                   [](std::size_t o, const GoToken& t) { return o < t.begin; });
  if (it == toks.begin()) return {};
  const auto i = static_cast<std::size_t>(it - toks.begin() - 1);
  const GoToken& tok = toks[i];
  if (offset >= tok.begin + tok.size) return {};
  const std::string_view word = text_of(tok, source);
  std::vector<const GoHelp*> out;
  const auto find = [&](K kind, std::string_view owner, std::string_view name) {
    for (const GoHelp& e : kEntries)
      if (e.kind == kind && e.owner == owner && e.name == name) out.push_back(&e);
  };
  switch (tok.kind) {
    case GoTokenKind::Keyword:
      find(K::Keyword, "", word);
      return out;
    case GoTokenKind::Symbol: {
      if (word != "<-") return {};
      // `ch <- v` follows an operand; `<-ch` starts one (after `:=`, `(`, `case`, ...).
      const auto p = prev_significant(toks, i);
      const std::string_view before = p ? text_of(toks[*p], source) : std::string_view();
      const bool operand_before =
          p && (toks[*p].kind == GoTokenKind::Name || before == ")" || before == "]");
      // `chan<-` and `<-chan` are directions, not operations.
      const auto n = next_significant(toks, i);
      if ((p && before == "chan") || (n && text_of(toks[*n], source) == "chan")) {
        find(K::Keyword, "", "chan");
        return out;
      }
      find(K::Arrow, "", operand_before ? "send" : "recv");
      return out;
    }
    case GoTokenKind::Name:
      break;
    default:
      return {};
  }
  const auto p = prev_significant(toks, i);
  if (p && text_of(toks[*p], source) == ".") {
    const auto r = prev_significant(toks, *p);
    if (!r || toks[*r].kind != GoTokenKind::Name) return {};
    const std::string_view qualifier = text_of(toks[*r], source);
    find(K::Member, qualifier, word);
    if (!out.empty()) return out;
    // A method: the entries of that name, narrowed to the receiver's type when it is known.
    for (const GoHelp& e : kEntries)
      if (e.kind == K::Method && e.name == word) out.push_back(&e);
    if (out.size() <= 1) return out;
    const std::string_view type = receiver_type(toks, source, qualifier);
    const auto match =
        std::find_if(out.begin(), out.end(), [&](const GoHelp* e) { return e->owner == type; });
    if (match != out.end()) return {*match};
    return out;
  }
  // A builtin, unless it is called as a method or field (`x.len`) — handled above.
  find(K::Builtin, "", word);
  return out;
}

std::vector<const GoHelp*> go_help_at(std::string_view source, int line, int column) {
  const std::optional<std::size_t> offset = offset_at(source, line, column);
  if (!offset) return {};
  return go_help_at_offset(source, *offset);
}

}  // namespace rdv::session
