-- A select case may leave out its function (the guide allows it): the case is taken, nothing
-- is called, select returns nothing.
--! outcome: ok
local ch = chan(1)
ch:send(5)
print(select { on_recv(ch), default = function() return "default" end })
print(ch:len())
print(select { on_recv(ch), default = function() return "default" end })
local out = chan(1)
select { on_send(out, "x") }
print(out:recv())
-->
--> 0
--> default
--> x\ttrue
