scenario { title = "Gateway fan-out with per-call timeouts", chapter = "5",
           concept = "A gateway calls its services in parallel, each under its own timeout derived from the request's context; a slow service gets a fallback instead of stalling the page.",
           watch = "At 300 ms the recommendations call's context expires: that task stops waiting, the page is built with a fallback; users and orders answered in time.",
           expect = "never deadlocks" }

local PER_CALL = 300 * ms
local services = {
  { name = "users",           latency = 100 * ms, fallback = "guest" },
  { name = "orders",          latency = 200 * ms, fallback = "no orders" },
  { name = "recommendations", latency = 900 * ms, fallback = "top sellers" },   -- too slow today
}

-- The request's own context: the whole page may take at most 1 s.
local request, cancelRequest = context.with_timeout(context.background(), 1 * second, "request")

-- One downstream call, with a deadline of its own derived from the request.
local function call(svc)
  local ctx, cancel = context.with_timeout(request, PER_CALL, svc.name)
  local answer = select {
    on_recv(after(svc.latency), function() return svc.name .. " data" end),   -- the service answers
    on_recv(ctx:done(), function() return nil end),                           -- our deadline first
  }
  local err = ctx:err()
  cancel()                          -- always release the context (defer cancel() in Go)
  if answer then return answer end
  return svc.fallback .. " (fallback: " .. err .. ")"
end

local replies = chan(#services, "replies")
for i, svc in ipairs(services) do
  go("call " .. svc.name, function()
    replies:send({ i = i, text = call(svc) })
  end)
end

local page = {}
for _ = 1, #services do
  local r = replies:recv()
  page[r.i] = r.text
end
cancelRequest()
for i, svc in ipairs(services) do
  print(svc.name .. ": " .. page[i])
end
