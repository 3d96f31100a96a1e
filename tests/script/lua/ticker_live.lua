-- A ticker ticks until stopped, in both modes; ticks are times (ms) that increase.
--! outcome: ok
local t = ticker(5 * ms)
local last, increasing = -1, true
for i = 1, 4 do
  local v = t:recv()
  increasing = increasing and v > last
  last = v
end
t:stop()
print("ticks", increasing, pcall(function() chan(1):stop() end))
--> ticks\ttrue\tfalse\tticker_live.lua:11: stop: this channel is not a ticker or a timer
