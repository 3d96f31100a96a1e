-- Attacks: 100,000 go() calls from main, each task parked on a channel.
-- Expect: the task cap ends the run at the go() line; every started thread is joined.
--! diag: too many tasks
--! threads
local never = chan(0)
for i = 1, 100000 do
  go("t", function() never:recv() end) --@
end
