-- Attacks: a channel's own methods sent through the channel and run as tasks: go(ch.recv, ch)
-- starts a task whose body is a C function (no Lua line of its own), go(ch.close, ch) twice
-- closes a closed channel from such a task.
-- Expect: Go's "close of closed channel" panic, at the line of the go() that started it.
--! diag: close of closed channel
local ch = chan(1, "loop")
ch:send(ch.send)
local send = ch:recv()
send(ch, ch.close)
local close = ch:recv()
go(close, ch)
sleep(1)
go(close, ch) --@
sleep(1)
