-- Attacks: ch.send(v) instead of ch:send(v): the channel method gets a number as its channel.
-- Expect: a bad-argument panic naming the line.
--! diag: bad argument #1 to 'send' (channel expected, got number)
local ch = chan(1)
ch.send(5) --@
