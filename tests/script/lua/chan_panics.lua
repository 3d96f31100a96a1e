-- The three channel panics of design.md §3, each recovered by pcall with Go's exact message.
--! outcome: ok
local ch = chan(1)
ch:close()
print(pcall(function() ch:send(1) end))
print(pcall(function() ch:close() end))
print(pcall(function() nilchan():close() end))
print(pcall(ch.close, nilchan()))
-- close wakes a blocked sender, who panics; and every blocked receiver (nil, false)
local c2, c3 = chan(0, "c2"), chan(0, "c3")
local res = chan(3)
go("sender", function()
  local ok, err = pcall(function() c2:send("x") end)
  res:send("sender: " .. tostring(ok) .. " " .. err)
end)
for i = 1, 2 do
  go("receiver", function()
    local v, ok = c3:recv()
    res:send("receiver: " .. tostring(v) .. " " .. tostring(ok))
  end)
end
sleep(10 * ms)
c2:close()
c3:close()
local lines = {}
for i = 1, 3 do lines[#lines + 1] = res:recv() end
table.sort(lines)
for _, l in ipairs(lines) do print(l) end
--> false\tsend on closed channel
--> false\tclose of closed channel
--> false\tclose of nil channel
--> false\tclose of nil channel
--> receiver: nil false
--> receiver: nil false
--> sender: false send on closed channel
