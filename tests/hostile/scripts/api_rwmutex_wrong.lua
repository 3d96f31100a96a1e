-- Attacks: runlock on an rwmutex that is write-locked, from a task.
-- Expect: Go's fatal "RUnlock of unlocked RWMutex" at the line.
--! diag: RUnlock of unlocked RWMutex
local rw = rwmutex("rw")
rw:lock()
go("reader", function()
  rw:runlock() --@
end)
sleep(1)
