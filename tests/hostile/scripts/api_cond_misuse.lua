-- Attacks: a cond waited on without its mutex held, from a task, while main signals it.
-- Expect: Go's fatal "unlock of unlocked mutex" at the wait's line, not a crash or a hang.
--! diag: unlock of unlocked mutex
local mu = mutex("mu")
local c = cond(mu, "c")
go("waiter", function()
  c:wait() --@
end)
c:signal()
c:broadcast()
sleep(1)
