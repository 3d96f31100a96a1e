scenario { title = "Chaos: injected delays and failures", chapter = "5",
           concept = "Inject random latency and errors into a dependency to check that timeouts and retries really protect the caller.",
           watch = "With CHAOS = true some inventory calls hit the 250 ms timeout or fail and are retried; set it to false and all succeed at the first attempt.",
           expect = "never deadlocks" }

local CHAOS = true   -- teacher: flip to false to see the same system on a good day

local TIMEOUT = 250 * ms
local ATTEMPTS = 2

-- The inventory service: 50 ms normally; under chaos, 50..300 ms and one call in five fails.
local function inventory(ctx, item)
  local latency, fails = 50 * ms, false
  if CHAOS then
    latency = rand(6) * 50 * ms
    fails = rand(5) == 1
    if fails then note("chaos: " .. item .. " will fail") end
    if latency > TIMEOUT then note("chaos: " .. item .. " will be too slow") end
  end
  return select {
    on_recv(after(latency), function()
      if fails then return nil, "500 internal error" end
      return item .. " in stock", nil
    end),
    on_recv(ctx:done(), function() return nil, ctx:err() end),
  }
end

-- The caller: a timeout per attempt, one retry.
local root = context.background()
local function checkStock(item)
  local err
  for attempt = 1, ATTEMPTS do
    local ctx, cancel = context.with_timeout(root, TIMEOUT, item)
    local v
    v, err = inventory(ctx, item)
    cancel()
    if v then return v .. " (attempt " .. attempt .. ")", nil end
  end
  return nil, err
end

local items = { "apples", "bread", "cheese", "dates", "eggs", "flour" }
local lines = chan(#items, "answers")
for i, item in ipairs(items) do
  go("check " .. item, function()
    local v, err = checkStock(item)
    lines:send({ i = i, text = v or (item .. ": failed: " .. err) })
  end)
end

local answers, ok = {}, 0
for _ = 1, #items do
  local a = lines:recv()
  answers[a.i] = a.text
end
for i = 1, #items do
  print(answers[i])
  if not answers[i]:find("failed") then ok = ok + 1 end
end
print(ok .. " of " .. #items .. " checks succeeded" .. (CHAOS and " (chaos on)" or ""))
