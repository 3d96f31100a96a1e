-- Buffered channel: send blocks only when full; values come out in FIFO order; len/cap.
--! outcome: ok
local ch = chan(2, "buf")
ch:send("a")
ch:send("b")
print(ch:len(), ch:cap())
local done = chan(0)
go(function()
  ch:send("c") -- blocks until main takes one
  done:send(true)
end)
print(ch:recv())
done:recv()
print(ch:recv())
print(ch:recv())
print(ch:len())
--> 2\t2
--> a\ttrue
--> b\ttrue
--> c\ttrue
--> 0
