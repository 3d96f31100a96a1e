scenario { title = "A lock, an unlock and a send", concept = "Recorded in trace format 1." }
-- lock_handoff.v1.rdv.jsonl is this run, recorded before TaskAt; tests/*/next_line_* use both.
local mu = mutex()
local ch = chan(0, "ch")
go("worker", function()
  mu:lock()
  local v = 1
  mu:unlock()
  ch:send(v)
end)
mu:lock()
print("main has the lock")
mu:unlock()
print("got", ch:recv())
