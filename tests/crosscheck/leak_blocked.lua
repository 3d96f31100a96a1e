-- A goroutine blocked forever on a send nobody receives when main returns: Go exits 0 and says
-- nothing; goleak would report it. Rendezvous warns and its outcome is a leak.
local replies = chan(0)
go(function()
  replies:send("late")
end)
sleep(10 * ms)
print("main done")
