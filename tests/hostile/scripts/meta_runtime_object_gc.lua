-- Attacks: a channel's own metatable: calling its __gc by hand destroys the channel while it is
-- still in use (a use after free), or replacing __gc / __index breaks every channel.
-- Expect: the runtime objects' metatables are protected: getmetatable gives no table, so the
-- script fails calling nil at that line (getmetatable gives the string "channel").
--! diag: attempt to call a nil value (field '__gc')
local ch = chan(1, "victim")
local mt = getmetatable(ch)
mt.__gc(ch) --@
ch:send(1)
print(ch:recv())
