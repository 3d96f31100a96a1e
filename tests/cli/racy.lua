-- Two tasks increment a shared variable without a lock: lost updates need --preempt line.
counter = 0
local wg = waitgroup()
for t = 1, 2 do
  wg:add(1)
  go(function()
    for i = 1, 20 do
      local c = counter
      counter = c + 1
    end
    wg:done()
  end)
end
wg:wait()
print("counter", counter)
