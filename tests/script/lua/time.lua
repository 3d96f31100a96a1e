-- sleep, now, after, ticker (+ stop). Virtual time in controlled mode.
--! outcome: ok
--! live: no
print(now())
sleep(250 * ms)
print(now())
local t0 = now()
local v = after(100 * ms):recv()
print(v - t0, now() - t0)
local tk = ticker(1 * second)
for i = 1, 3 do print("tick", tk:recv() - t0) end
tk:stop()
local r = select {
  on_recv(tk, function() return "tick" end),
  on_recv(after(5 * second), function() return "timeout" end),
}
print(r, now())
print(second, ms)
--> 0
--> 250
--> 100\t100
--> tick\t1100
--> tick\t2100
--> tick\t3100
--> timeout\t8350
--> 1000\t1
