-- Two producers, one channel: the interleaving is the scheduler's choice.
local out = chan(0)
local wg = waitgroup()
for _, name in ipairs({ "a", "b" }) do
  wg:add(1)
  go(function()
    for i = 1, 2 do out:send(name .. i) end
    wg:done()
  end)
end
go(function() wg:wait(); out:close() end)
for v in out:range() do print(v) end
