-- Attacks: a try_rlock spin in live mode while a writer holds the lock forever.
-- Expect: the step budget ends the spin at its line, as a busy-wait.
--! diag: it looks like a busy-wait
--! args: --mode live
local rw = rwmutex("rw")
local held = chan(0)
go("writer", function()
  rw:lock()
  held:send(true)
  chan(0):recv()
end)
held:recv()
while not rw:try_rlock() do end --@
