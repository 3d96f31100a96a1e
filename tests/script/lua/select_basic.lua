-- Go's select: ready cases, default, nil channel cases never ready, send cases; Lua's select.
--! outcome: ok
print(select("#", 1, nil, 3), select(2, "a", "b", "c"))
local a = chan(1, "a")
a:send("x")
-- one ready case: it is taken, and select returns what the branch returns
local r = select {
  on_recv(a, function(v, ok) return "recv " .. v .. " " .. tostring(ok) end),
  on_recv(nil, function() return "nil case" end),
  default = function() return "default" end,
}
print(r)
-- nothing ready: default
print(select {
  on_recv(a, function() return "recv" end),
  on_recv(nilchan(), function() return "nil" end),
  default = function() return "default", 2 end,
})
-- a send case
local b = chan(1, "b")
select { on_send(b, "sent", function() print("send case") end) }
print(b:recv())
-- a closed channel's receive case is always ready
local c = chan(0)
c:close()
select { on_recv(c, function(v, ok) print("closed:", v, ok) end) }
-- blocking select woken by another task
local d = chan(0, "d")
go(function() d:send(7) end)
print(select { on_recv(d, function(v) return v * 6 end), on_recv(nilchan(), function() end) })
--> 3\tb\tc
--> recv x true
--> default\t2
--> send case
--> sent\ttrue
--> closed:\tnil\tfalse
--> 42
