-- WaitGroup: wait returns when the counter is zero; below zero panics (recoverable).
--! outcome: ok
local wg = waitgroup("workers")
local results = chan(5)
for i = 1, 5 do
  wg:add(1)
  go("worker " .. i, function()
    results:send(i * i)
    wg:done()
  end)
end
wg:wait()
print("len", results:len())
local sum = 0
for i = 1, 5 do sum = sum + results:recv() end
print("sum", sum)
wg:wait() -- zero: returns at once
print(pcall(function() wg:done() end))
print(pcall(function() wg:add(-3) end))
print(tostring(wg))
--> len\t5
--> sum\t55
--> false\tsync: negative WaitGroup counter
--> false\tsync: negative WaitGroup counter
--> waitgroup workers
