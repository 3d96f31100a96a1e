-- cond over the other lockers: an rwmutex (its writer's lock), rw:rlocker() (its read lock), a
-- locker of the script's own (a table with lock and unlock: a channel semaphore), and nil
-- (wait panics as Go's Wait on a nil L); set_locker replaces L.
--! outcome: ok
local rw = rwmutex("table")
local version = 0
local changed = cond(rw, "changed")
local loaded = cond(rw:rlocker(), "loaded")
local wg = waitgroup()
for i = 1, 2 do
  wg:add(1)
  go("reader " .. i, function()
    rw:rlock()
    while version == 0 do loaded:wait() end
    assert(not rw:try_lock())  -- holding its read lock again
    rw:runlock()
    wg:done()
  end)
end
wg:add(1)
go("writer", function()
  rw:lock()
  while version == 0 do changed:wait() end
  version = version + 1
  rw:unlock()
  wg:done()
end)
sleep(10 * ms)
rw:lock()
version = 1
rw:unlock()
loaded:broadcast()
changed:signal()
wg:wait()
print("version", version, loaded:locker() ~= rw, tostring(rw:rlocker()))

-- A semaphore of one token as the locker: lock takes the token, unlock gives it back.
local sem = chan(1, "sem")
local locker = setmetatable({lock = function() sem:send(true) end,
                             unlock = function() sem:recv() end}, {__name = "semaphore"})
local items, ready = {}, cond(locker, "ready")
wg:add(1)
go("consumer", function()
  locker:lock()
  while #items == 0 do ready:wait() end
  print("took", table.remove(items, 1), sem:len())
  locker:unlock()
  wg:done()
end)
locker:lock()
items[#items + 1] = "x"
ready:signal()
locker:unlock()
wg:wait()

local c = cond(nil, "unset")
c:signal()
print(pcall(function() c:wait() end))
local mu = mutex("mu")
c:set_locker(mu)
print(c:locker() == mu)

-- (c's ticket from the wait that panicked stays queued, as in Go: the next signal would spend
-- itself on it.) L replaced while a task waits: it unlocked mu, and locks the new L when woken
-- (Go reads c.L again for the Lock).
c = cond(mu, "swapped")
local other = mutex("other")
local woke = false
wg:add(1)
go("waiter", function()
  mu:lock()
  while not woke do c:wait() end
  print("relocked other", not other:try_lock(), mu:try_lock())
  other:unlock()
  mu:unlock()
  wg:done()
end)
sleep(10 * ms)
c:set_locker(other)
woke = true
c:signal()
wg:wait()
--> version\t2\ttrue\trlocker table
--> took\tx\t1
--> false\truntime error: invalid memory address or nil pointer dereference
--> true
--> relocked other\ttrue\ttrue
