-- Go's runtime panics, each recovered: the messages must be the same words.
local function try(name, f)
  local ok, err = pcall(f)
  print(name .. ": " .. tostring(err))
end
local ch = chan(1)
ch:close()
try("send", function() ch:send(1) end)
try("close", function() ch:close() end)
try("close nil", function() nilchan():close() end)
local wg = waitgroup()
try("wg", function() wg:done() end)
try("custom", function() panic("boom") end)
