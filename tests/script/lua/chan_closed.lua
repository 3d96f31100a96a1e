-- Closed channel: buffered values first, then the zero value (nil) with ok=false; range stops.
--! outcome: ok
local ch = chan(3)
ch:send(1)
ch:send(2)
ch:close()
print(ch:recv())
print(ch:recv())
print(ch:recv())
print(ch:recv())
local jobs = chan(0, "jobs")
go("producer", function()
  for i = 1, 3 do jobs:send(i * 10) end
  jobs:close()
end)
local sum = 0
for v in jobs:range() do sum = sum + v end
print("sum", sum)
--> 1\ttrue
--> 2\ttrue
--> nil\tfalse
--> nil\tfalse
--> sum\t60
