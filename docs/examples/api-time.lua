scenario { title = "API: time", chapter = "guide" }
local start = now()                         -- start := time.Now() (here: ms since the run began)
sleep(50 * ms)                              -- time.Sleep(50 * time.Millisecond)
print("slept", now() - start, "ms")
local fired = after(2 * second):recv()      -- <-time.After(2 * time.Second)
print("after fired at", fired)
local tick = ticker(100 * ms)               -- tick := time.NewTicker(100 * time.Millisecond)
for _ = 1, 3 do
  local t = tick:recv()                     -- <-tick.C
  print("tick at", t)
end
tick:stop()                                 -- tick.Stop()
