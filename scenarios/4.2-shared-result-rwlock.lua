scenario { title = "A shared result: an atomic counter and an RW-locked error list", chapter = "4.2",
           concept = "Count successes with an atomic; guard the error list with an RWMutex: many readers at once, writers alone.",
           watch = "In the Sync panel: the readers hold the read lock together; a writer with an error waits until they leave, then holds it alone.",
           expect = "never deadlocks" }

-- Go:  type Result struct { success atomic.Int64; mu sync.RWMutex; errors []string }
local result = { success = atomic(0, "success"), mu = rwmutex("errors lock"), errors = {} }
local wg = waitgroup("all")

-- Writers: jobs 2 and 4 fail.
for i = 1, 4 do
  wg:add(1)
  go("writer " .. i, function()
    sleep(i * 100 * ms)
    if i % 2 == 0 then
      result.mu:lock()                 -- exclusive: no reader, no other writer
      result.errors[#result.errors + 1] = "job " .. i .. ": timeout"
      result.mu:unlock()
    else
      result.success:add(1)            -- no lock needed: one atomic step
    end
    wg:done()
  end)
end

-- Readers: look at the error list while the writers work (a dashboard, say).
for r = 1, 2 do
  wg:add(1)
  go("reader " .. r, function()
    for _ = 1, 3 do
      result.mu:rlock()                -- shared: both readers may hold it at once
      local n = #result.errors
      sleep(50 * ms)                   -- a slow read, to see the lock held
      result.mu:runlock()
      note("reader " .. r .. " sees " .. n .. " errors")
      sleep(100 * ms)
    end
    wg:done()
  end)
end

wg:wait()
print("successes: " .. result.success:load())
result.mu:rlock()
table.sort(result.errors)
for _, e in ipairs(result.errors) do print("error: " .. e) end
result.mu:runlock()
