scenario { title = "WaitGroup over a batch", chapter = "3.1",
           concept = "Add(1) before each go, Done() when a task ends, Wait() until the counter is back to zero.",
           watch = "The WaitGroup counter in the Sync panel: 4 after the loop, down by one per finished task; main wakes at 0.",
           expect = "never deadlocks" }

local inputs = { 3, 1, 4, 2 }
local squares = {}            -- one slot per task: no two tasks write the same slot
local wg = waitgroup("batch")

for i, n in ipairs(inputs) do
  wg:add(1)                   -- BEFORE go: the counter counts this task from the start
  go("worker " .. i, function()
    sleep(n * 100 * ms)       -- work of different lengths: they finish out of order
    squares[i] = n * n
    wg:done()                 -- in Go: defer wg.Done() as the first line of the task
  end)
end

wg:wait()                     -- blocks until all four called Done
for i, n in ipairs(inputs) do
  print(n .. " squared is " .. squares[i])
end
