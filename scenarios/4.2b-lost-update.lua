scenario { title = "The lost update: a shared counter without a lock", chapter = "4.2",
           concept = "counter = counter + 1 is a read then a write; two tasks interleaving between them overwrite each other's work.",
           watch = "Tasks may switch at every line (the header asks for preempt = \"line\"): the unsafe counter often ends below 10; the mutex one is always 10.",
           expect = "never deadlocks", preempt = "line" }

local wg = waitgroup("incrementers")

-- Unsafe: two tasks, five increments each, no lock.
local counter = 0
for i = 1, 2 do
  wg:add(1)
  go("unsafe " .. i, function()
    for _ = 1, 5 do
      local v = counter        -- read ...
      counter = v + 1          -- ... write: if the other task wrote in between, its update is lost
    end
    wg:done()
  end)
end
wg:wait()
print("without a lock: counter = " .. counter .. " (expected 10)")

-- Safe: the same with a mutex around the read-modify-write.
local mu = mutex("counter lock")
local safe = 0
for i = 1, 2 do
  wg:add(1)
  go("locked " .. i, function()
    for _ = 1, 5 do
      mu:lock()
      local v = safe
      safe = v + 1
      mu:unlock()
    end
    wg:done()
  end)
end
wg:wait()
print("with a mutex: counter = " .. safe .. " (expected 10)")
