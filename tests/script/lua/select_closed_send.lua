-- A send case on a closed channel panics when chosen; context.background():done() is a nil
-- channel, so its case is never ready.
--! outcome: ok
local c = chan(1)
c:close()
print(pcall(select, { on_send(c, 1) }))
print(pcall(function() select { on_send(c, 1, function() end), default = function() end } end))
local bg = context.background()
print(tostring(bg:done()), select { on_recv(bg:done(), function() return "done" end), default = function() return "never done" end })
--> false\tsend on closed channel
--> false\tsend on closed channel
--> chan nil\tnever done
