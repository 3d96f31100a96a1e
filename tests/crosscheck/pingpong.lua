-- Two tasks hand a counter back and forth over unbuffered channels.
local ping, pong = chan(0), chan(0)
go(function()
  for v in ping:range() do pong:send(v + 1) end
  pong:close()
end)
for i = 0, 2 do
  ping:send(i * 10)
  print("got " .. pong:recv())
end
ping:close()
local v, ok = pong:recv()
print("after close: " .. tostring(v == nil) .. " " .. tostring(ok))
