scenario { title = "Async task: a result over a channel", chapter = "1",
           concept = "A goroutine works in the background and hands its result back over a channel.",
           watch = "main turns 'blocked' at recv for 2 s; the arrow from asyncTask to main is the result.",
           expect = "never deadlocks" }

-- Go:  func asyncTask(ch chan int) { time.Sleep(2 * time.Second); ch <- 42 }
local function asyncTask(ch)
  sleep(2 * second)   -- simulated slow work (a query, a computation, ...)
  ch:send(42)         -- write the result into the channel
end

local resultCh = chan(0, "resultCh")   -- make(chan int): unbuffered
go("asyncTask", asyncTask, resultCh)   -- go asyncTask(resultCh): main does not wait here

-- result := <-resultCh   main blocks until asyncTask sends; then both go on.
local result = resultCh:recv()
print("async task result: " .. result)
