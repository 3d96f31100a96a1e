-- A task still blocked when main returns is leaked: a warning, exit code 0. Main sleeps first,
-- so the orphan has reached its send (the program ends the moment main returns, as Go's does).
--! outcome: leak
--! diag: warning: main returned with 1 goroutine(s) still alive; the program ended without them (leaked)
--! diag: goroutine 2 [chan send]:
--! diag: orphan at leak.lua:9, waiting on chan replies
local replies = chan(0, "replies")
go("orphan", function()
  replies:send("late")
end)
sleep(10 * ms)
print("main returns")
--> main returns
