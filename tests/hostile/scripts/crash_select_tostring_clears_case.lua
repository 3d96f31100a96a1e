-- Attacks: select{} whose send value has a __tostring that clears an earlier case's channel and
-- collects it, while select holds that channel by raw pointer (heap use-after-free).
-- Expect: the select keeps its channels alive until it returns; the default runs; the script
-- then fails on purpose.
--! diag: select survived: default
local first = on_recv(chan(0, "a"))
local value = setmetatable({}, {
  __tostring = function()
    first.ch = nil
    collectgarbage()
    collectgarbage()
    return "value"
  end,
})
local r = select { first, on_send(chan(0, "b"), value), default = function() return "default" end }
error("select survived: " .. tostring(r)) --@
