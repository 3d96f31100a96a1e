-- context tree: cancel cascades to descendants; err() strings; done() closed; timeouts.
--! outcome: ok
--! live: no
local root = context.background()
print(root:err())
local parent, cancel_parent = context.with_cancel(root)
local child, cancel_child = context.with_cancel(parent)
local timed, cancel_timed = context.with_timeout(child, 500 * ms)
print(parent:err(), child:err(), timed:err())
local woke = chan(2)
go("watcher", function()
  local v, ok = timed:done():recv()
  woke:send("timed done " .. tostring(ok))
end)
cancel_parent()
print(woke:recv())
print(parent:err(), child:err(), timed:err())
cancel_child() -- cancelling again is a no-op
cancel_timed()
local t, cancel = context.with_timeout(root, 200 * ms)
local r = select {
  on_recv(t:done(), function() return "deadline" end),
  on_recv(after(1 * second), function() return "late" end),
}
print(r, t:err(), now())
cancel()
print(t:err())
--> nil
--> nil\tnil\tnil
--> timed done false\ttrue
--> context canceled\tcontext canceled\tcontext canceled
--> deadline\tcontext deadline exceeded\t200
--> context deadline exceeded
