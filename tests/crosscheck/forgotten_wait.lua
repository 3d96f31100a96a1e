-- The seed's WaitGroup chapter (3.1) with wg.Wait() forgotten: main does not wait, the program
-- ends when main returns, and the tasks' lines mostly never appear.
local wg = waitgroup()
for i = 0, 1 do
  wg:add(1)
  go(function()
    print("task " .. i .. " done")
    wg:done()
  end)
end
-- BUG: wg:wait() forgotten
print("main done")
