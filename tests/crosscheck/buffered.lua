-- A buffered channel: FIFO, len/cap, values drained after close.
local ch = chan(3)
ch:send("a")
ch:send("b")
print(ch:len() .. " " .. ch:cap())
ch:close()
for v in ch:range() do print("v " .. v) end
local v, ok = ch:recv()
print("zero " .. tostring(v == nil) .. " " .. tostring(ok))
