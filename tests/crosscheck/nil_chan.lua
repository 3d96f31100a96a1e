-- Send and receive on a nil channel block forever; alone, a deadlock that names the nil channel
-- in Go's words: [chan send (nil chan)], [chan receive (nil chan)].
local ch = nilchan()
go(function() ch:send(1) end)
print("before")
ch:recv()
