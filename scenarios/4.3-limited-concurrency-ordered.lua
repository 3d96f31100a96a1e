scenario { title = "Limited concurrency, results in input order", chapter = "4.3",
           concept = "A buffered channel of 3 is a semaphore: at most 3 jobs run at once; each writes its own slot so results keep input order.",
           watch = "The semaphore's buffer is never more than 3 full; the other jobs wait at send. Jobs finish out of order, the printout is in order.",
           expect = "never deadlocks" }

local inputs = { 5, 3, 8, 1, 9, 2 }
local sem = chan(3, "semaphore")   -- 3 slots: 3 jobs at a time
local results = {}                 -- results[i] for inputs[i]: order for free
local wg = waitgroup("jobs")
local mu = mutex("running")        -- protects running and maxRunning
local running, maxRunning = 0, 0

for i, x in ipairs(inputs) do
  wg:add(1)
  go("job " .. i, function()
    sem:send(true)                 -- acquire a slot (blocks while all 3 are taken)
    mu:lock()
    running = running + 1
    if running > maxRunning then maxRunning = running end
    mu:unlock()

    sleep(x * 100 * ms)            -- the work: longer for bigger inputs
    results[i] = x * x

    mu:lock()
    running = running - 1
    mu:unlock()
    sem:recv()                     -- release the slot
    wg:done()
  end)
end

wg:wait()
for i, x in ipairs(inputs) do
  print("input " .. x .. " -> " .. results[i])
end
print("at most " .. maxRunning .. " jobs ran at once")
