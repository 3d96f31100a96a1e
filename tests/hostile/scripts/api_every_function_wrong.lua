-- Attacks: every function and method of the API (design.md §4) with wrong types and counts.
-- Each call must fail as a recoverable Lua error with a readable message (never a C++ exception
-- text, never a crash); the script then fails on purpose, with the count.
--! diag: every call refused: 68 of 68
local ch, wg, mu, rw, at = chan(1), waitgroup(), mutex(), rwmutex(), atomic(0)
local ctx, cancel = context.with_cancel(context.background())
local p = promise()
local f, g, t = p:future(), group(), ticker(5)
local cv, rl = cond(mu), rw:rlocker()
local calls = {
  { "chan", chan, { {} } }, { "chan", chan, { 1.5 } }, { "chan", chan, { 1, {} } },
  { "send", ch.send, {} }, { "send", ch.send, { wg, 1 } }, { "recv", ch.recv, { 3 } },
  { "close", ch.close, { "x" } }, { "len", ch.len, {} }, { "cap", ch.cap, { mu } },
  { "range", ch.range, { false } }, { "stop", ch.stop, { ch } }, { "stop", ch.stop, {} },
  { "go", go, {} }, { "go", go, { "name" } }, { "go", go, { {} } },
  { "select", select, {} }, { "select", select, { { 1 } } },
  { "select", select, { { on_recv(ch), default = 3 } } },
  { "on_recv", on_recv, { 5 } }, { "on_send", on_send, { ch, 1, {} } },
  { "on_send", on_send, { ch, 1, 5 } }, { "on_recv", on_recv, { ch, "f" } },
  { "sleep", sleep, {} }, { "sleep", sleep, { 1e13 } }, { "sleep", sleep, { "1s" } },
  { "after", after, { {} } }, { "after", after, { -1e13 } }, { "ticker", ticker, { "x" } },
  { "add", wg.add, { wg } }, { "add", wg.add, { wg, "two" } }, { "done", wg.done, { ch } },
  { "wait", wg.wait, {} }, { "lock", mu.lock, { rw } }, { "unlock", mu.unlock, { 1 } },
  { "try_lock", mu.try_lock, {} }, { "rlock", rw.rlock, { mu } },
  { "runlock", rw.runlock, { nil } }, { "atomic", atomic, { {} } },
  { "add", at.add, { at } }, { "add", at.add, { at, 0.5 } }, { "store", at.store, { at, "one" } },
  { "load", at.load, { ch } }, { "background", context.background, {} },
  { "with_cancel", context.with_cancel, {} }, { "with_timeout", context.with_timeout, { ctx } },
  { "with_timeout", context.with_timeout, { ctx, "soon" } }, { "done", ctx.done, { ch } },
  { "err", ctx.err, {} }, { "set", p.set, { f, 1 } }, { "fail", p.fail, { ctx, "x" } },
  { "future", p.future, { ctx } }, { "get", f.get, { p } }, { "async", async, { 42 } },
  { "all", all, { 1 } }, { "all_settled", all_settled, { { p } } },
  { "group", group, { {} } }, { "go", g.go, { g } }, { "wait", g.wait, { ch } },
  { "rand", rand, { "x" } }, { "random", math.random, { 1, 2, 3 } },
  { "cond", cond, { 5 } }, { "cond", cond, { {} } }, { "wait", cv.wait, { mu } },
  { "signal", cv.signal, {} }, { "broadcast", cv.broadcast, { ch } }, { "locker", cv.locker, { 1 } },
  { "set_locker", cv.set_locker, { cv, "mu" } }, { "rlocker", rw.rlocker, { mu } },
  { "lock", rl.lock, { rw } },
}
local refused, total = 0, 0
for _, c in ipairs(calls) do
  local name, fn, args = c[1], c[2], c[3]
  if name ~= "background" then
    total = total + 1
    local ok, err = pcall(fn, table.unpack(args))
    if not ok and type(err) == "string" and not err:find("std::") and not err:find("C%+%+") then
      refused = refused + 1
    else
      print("NOT REFUSED:", name, ok, err)
    end
  end
end
error("every call refused: " .. refused .. " of " .. total) --@
