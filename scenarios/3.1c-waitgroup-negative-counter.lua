scenario { title = "WaitGroup misuse: a negative counter", chapter = "3.1",
           concept = "Every Done must match an Add; one Done too many drives the counter below zero and Go panics.",
           watch = "The counter goes 1 -> 0 (main wakes) -> -1: the run ends with 'panic: sync: negative WaitGroup counter'.",
           expect = "panics" }

local wg = waitgroup("wg")
wg:add(1)

go("worker", function()
  -- Go:  defer wg.Done()  ... and later, by mistake, a second wg.Done()
  print("worker: done")
  wg:done()                   -- counter 1 -> 0: main's wait returns
  wg:done()                   -- BUG: counter 0 -> -1: panic
end)

wg:wait()
sleep(100 * ms)               -- main goes on with its work ...
print("main: results collected")   -- ... but the panic has already ended the program
