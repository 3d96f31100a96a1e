-- cond: a queue of jobs with wait in a loop, signal and broadcast; locker() is the mutex;
-- tostring names it.
--! outcome: ok
local mu = mutex("jobs")
local more = cond(mu, "more")
local jobs, closed, done = {}, false, 0
local wg = waitgroup()
for i = 1, 3 do
  wg:add(1)
  go("worker " .. i, function()
    mu:lock()
    while true do
      while #jobs == 0 and not closed do more:wait() end
      if #jobs == 0 then break end
      table.remove(jobs, 1)
      done = done + 1
    end
    mu:unlock()
    wg:done()
  end)
end
for j = 1, 7 do
  mu:lock()
  jobs[#jobs + 1] = j
  more:signal()
  mu:unlock()
end
more:locker():lock()
closed = true
more:locker():unlock()
more:broadcast()
wg:wait()
print("done", done, more:locker() == mu, tostring(more))
--> done\t7\ttrue\tcond more
