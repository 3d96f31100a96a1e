-- A select case with no function (an empty body), and default.
local ch = chan(1)
ch:send(5)
select { on_recv(ch), default = function() print("default") end }
print(ch:len())
select { on_recv(ch), default = function() print("default") end }
