-- Tasks still blocked when main returns are leaked: a warning, exit code 0.
--! outcome: leak
--! diag: warning: 1 goroutine(s) still blocked when main returned
--! diag: goroutine 2 [chan send]:
--! diag: orphan at leak.lua:8, waiting on chan replies
local replies = chan(0, "replies")
go("orphan", function()
  replies:send("late")
end)
print("main returns")
--> main returns
