scenario { title = "Pitfall: what panics", chapter = "guide" }
local ch = chan(1, "ch")
ch:close()
print(pcall(ch.send, ch, 1))                -- send on a closed channel
print(pcall(ch.close, ch))                  -- close of a closed channel
print(pcall(ch.close, nilchan()))           -- close of a nil channel
print(ch:recv())                            -- receiving from a closed channel is fine
local wg = waitgroup("wg")
print(pcall(wg.done, wg))                   -- done without add: the counter goes below 0
go("careless", function()
  ch:send("late")                           -- no pcall: the panic ends the whole run
end)
sleep(1 * second)
print("never printed")
