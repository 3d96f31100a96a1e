-- timer(d): one value after d unless stopped first; stop/reset say whether it was pending.
--! outcome: ok
--! live: no
local t = timer(2 * second)
print(t:stop(), t:stop())
local r = select {
  on_recv(t, function() return "fired" end),
  on_recv(after(3 * second), function() return "not fired" end),
}
print(r, now())
print(t:reset(1 * second))
print(t:recv(), t:stop())
print(t:reset(5 * second), t:reset(1 * second))
print(t:recv())
print(pcall(function() after(1):reset(1) end))
--> true\tfalse
--> not fired\t3000
--> false
--> 4000\tfalse
--> false\ttrue
--> 5000\ttrue
--> false\ttimer.lua:15: reset: this channel is not a timer
