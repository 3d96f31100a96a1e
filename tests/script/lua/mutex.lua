-- mutex and rwmutex exclude; atomic counts; try_lock.
--! outcome: ok
local mu = mutex("counter")
local counter = 0
local wg = waitgroup()
for i = 1, 10 do
  wg:add(1)
  go(function()
    for j = 1, 5 do
      mu:lock()
      local c = counter
      sleep(1 * ms)      -- a sync point inside the critical section
      counter = c + 1
      mu:unlock()
    end
    wg:done()
  end)
end
wg:wait()
print("counter", counter)
print(mu:try_lock(), mu:try_lock())
mu:unlock()

local rw = rwmutex("table")
local readers = atomic(0, "readers")
local max = atomic(0)
wg:add(4)
for i = 1, 4 do
  go(function()
    rw:rlock()
    local n = readers:add(1)
    if n > max:load() then max:add(n - max:load()) end
    sleep(5 * ms)
    readers:add(-1)
    rw:runlock()
    wg:done()
  end)
end
wg:wait()
rw:lock()
print("readers inside", readers:load(), max:load() >= 1)
rw:unlock()
print(rw:try_rlock(), rw:try_lock())
rw:runlock()
local a = atomic(5)
print(a:add(3), a:load())
a:store(-1)
print(a:load(), tostring(mu), tostring(rw))
--> counter\t50
--> true\tfalse
--> readers inside\t0\ttrue
--> true\tfalse
--> 8\t8
--> -1\tmutex counter\trwmutex table
