-- Attacks: a closure over the locals of a task that died (its async() failed), called later
-- from main: it sends on the dead task's channel, which nobody will ever receive from.
-- Expect: a deadlock naming main at the line of that send.
--! diag: all goroutines are asleep - deadlock!
local later
local f = async(function()
  local private = chan(0, "private")
  later = function(v) private:send(v) end --@
  error("the task dies here")
end)
print(f:get())
later(1)
