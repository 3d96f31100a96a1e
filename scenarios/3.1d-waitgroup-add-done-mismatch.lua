scenario { title = "WaitGroup misuse: more Add than Done", chapter = "3.1",
           concept = "Add(3) for two tasks: the counter never reaches zero, Wait never returns, and with nothing left to run Go reports a deadlock.",
           watch = "Both workers finish; the counter stays at 1 and main stays blocked on the WaitGroup until the deadlock report.",
           expect = "deadlocks" }

local wg = waitgroup("workers")
wg:add(3)                     -- BUG: three promised ...

for i = 1, 2 do               -- ... two started
  go("worker " .. i, function()
    sleep(i * 100 * ms)
    print("worker " .. i .. ": done")
    wg:done()
  end)
end

wg:wait()                     -- waits for a third Done that never comes
print("all workers done")     -- never reached
