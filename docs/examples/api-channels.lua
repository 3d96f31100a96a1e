scenario { title = "API: channels", chapter = "guide" }
local ch = chan(2, "numbers")               -- ch := make(chan any, 2)
ch:send(1)                                  -- ch <- 1
ch:send(2)
print(ch:len(), ch:cap())                   -- len(ch), cap(ch)
local v, ok = ch:recv()                     -- v, ok := <-ch
print(v, ok)
ch:close()                                  -- close(ch)
for x in ch:range() do print("range", x) end   -- for x := range ch
print(ch:recv())                            -- closed and drained: nil, false
print(tostring(ch), tostring(nilchan()))    -- var never chan any (a nil channel)
