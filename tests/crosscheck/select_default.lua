-- select with default never blocks; a nil channel's case is never ready.
local ready = chan(1)
for i = 1, 2 do
  select {
    on_recv(ready, function(v) print("got " .. v) end),
    on_recv(nilchan(), function() print("impossible") end),
    default = function() print("nothing ready"); ready:send(7) end,
  }
end
