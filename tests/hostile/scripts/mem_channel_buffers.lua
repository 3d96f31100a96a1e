-- Attacks: memory outside Lua: 1,000 channels of the largest capacity, then filling one.
-- Expect: making them costs nothing until used; filling ends at a limit, naming the line.
--! diag: limit exceeded
--! line: any
local chans = {}
for i = 1, 1000 do chans[i] = chan(1 << 24) end
local big = chans[1]
while true do big:send(1) end
