scenario { title = "A circuit breaker", chapter = "5",
           concept = "After 3 failures in a row the breaker opens and rejects calls at once; after a cooldown one trial call is let through; a success closes it again.",
           watch = "Notes on the timeline mark CLOSED -> OPEN -> HALF-OPEN; while open, main never sends to payments, so that task sits idle.",
           expect = "never deadlocks" }

local THRESHOLD = 3            -- failures in a row that open the breaker
local COOLDOWN = 450 * ms      -- how long it stays open before a trial call

-- The payments service: answers every request; it is down until the ops team fixes it.
local down = atomic(1, "down")  -- 1: down, 0: up (an atomic: two tasks touch it)
local requests = chan(0, "payments requests")
local stopped = chan(0, "payments stopped")
go("payments", function()
  for req in requests:range() do
    sleep(20 * ms)
    if down:load() == 1 then req.reply:send("unavailable") else req.reply:send("ok") end
  end
  stopped:close()
end)
go("ops team", function()
  sleep(1 * second)
  down:add(-1)
  note("payments fixed")
end)

local reply = chan(1, "payments reply")   -- one call at a time: one reply channel will do
local state, failures, cooldown = "CLOSED", 0, nil
local function setState(s)
  state = s
  note("breaker " .. s)
  print("breaker: " .. s)
end

for n = 1, 15 do
  if state == "OPEN" then
    -- Has the cooldown timer fired? Poll it without blocking.
    select { on_recv(cooldown, function() setState("HALF-OPEN") end), default = function() end }
  end
  if state == "OPEN" then
    print("call " .. n .. ": rejected fast")
  else
    requests:send({ reply = reply })
    local answer = reply:recv()
    print("call " .. n .. ": " .. answer)
    if answer == "ok" then
      failures = 0
      if state == "HALF-OPEN" then setState("CLOSED") end
    else
      failures = failures + 1
      if state == "HALF-OPEN" or failures >= THRESHOLD then
        setState("OPEN")
        cooldown = after(COOLDOWN)    -- a timer for the trial call
      end
    end
  end
  sleep(100 * ms)
end
requests:close()                     -- lets the payments task end ...
stopped:recv()                       -- ... and waits until it has
