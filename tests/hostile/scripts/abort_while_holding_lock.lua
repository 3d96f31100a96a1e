-- Attacks: teardown while 100 tasks wait on a mutex held by a task that spins forever.
-- Expect: the step budget names the spinning task's line; the waiters are torn down.
--! diag: instructions without reaching a synchronization point
local mu = mutex("mu")
local locked = chan(0, "locked")
go("holder", function()
  mu:lock()
  locked:send(true)
  while true do end --@
end)
locked:recv()
for i = 1, 100 do go("waiter", function() mu:lock() end) end
sleep(1)
