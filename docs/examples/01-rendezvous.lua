scenario { title = "Hello, rendezvous" }
local ch = chan(0)                          -- unbuffered: sender and receiver must meet
go("greeter", function() sleep(1 * second); ch:send("hello") end)
local v, ok = ch:recv()                     -- main waits here until greeter sends
print(v, ok, now())                         -- the value, true, and the time in ms
