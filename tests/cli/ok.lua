scenario { title = "cli: ok" }
local ch = chan(0, "result")
go("worker", function() sleep(20 * ms); ch:send(42) end)
print("result:", ch:recv())
