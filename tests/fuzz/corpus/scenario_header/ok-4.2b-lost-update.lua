scenario { title = "The lost update: a shared counter without a lock", chapter = "4.2",
           concept = "counter = counter + 1 is a read then a write; two tasks interleaving between them overwrite each other's work.",
           watch = "Run with preemption at every line (--preempt line): the unsafe counter often ends below 10; the mutex one is always 10.",
           expect = "never deadlocks" }

local wg = waitgroup("incrementers")

-- Unsafe: two tasks, five increments each, no lock.
local counter = 0
for i = 1, 2 do
  wg:add(1)
  go("unsafe " .. i, function()
    for _ = 1, 5 do
      local v = counter        -- read ...
      counter = v + 1          -- ... write: if the other task