-- A call with a timeout: select between the reply and after().
local function call(latency, timeout)
  local reply = chan(1)
  go(function()
    sleep(latency)
    reply:send("reply")
  end)
  return select {
    on_recv(reply, function(r) return r end),
    on_recv(after(timeout), function() return "timeout" end),
  }
end
print(call(10 * ms, 500 * ms))
print(call(500 * ms, 10 * ms))
