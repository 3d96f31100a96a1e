scenario { title = "Batch requests, Promise.all style: the first failure fails all", chapter = "3.2",
           concept = "Fire all requests at once; on the first error cancel the others and fail the whole batch, like Promise.all.",
           watch = "Latencies and failures come from rand (change the seed). On a failure the remaining requests see ctx done and stop early.",
           expect = "never deadlocks" }

local urls = { "/users", "/orders", "/stock", "/prices" }

-- A simulated HTTP GET: 100..600 ms, and one request in four answers 503.
local function httpGet(ctx, url)
  local latency = rand(6) * 100 * ms
  local fails = rand(4) == 1
  local arrived = select {
    on_recv(after(latency), function() return true end),
    on_recv(ctx:done(), function() return false end),    -- the batch was cancelled
  }
  if not arrived then return nil, ctx:err() end
  if fails then return nil, url .. ": 503 Service Unavailable" end
  return url .. ": 200 OK", nil
end

-- all(futures) (see 4.4 for futures) would do the waiting in one call, but it cannot stop the
-- requests still in flight. Go's way: one context for the batch, cancelled on the first error.
local ctx, cancel = context.with_cancel(context.background(), "batch")
local results = chan(#urls, "results")   -- room for all: nobody blocks after we stop reading
local wg = waitgroup("requests")
for i, url in ipairs(urls) do
  wg:add(1)
  go("GET " .. url, function()
    local body, err = httpGet(ctx, url)
    results:send({ i = i, body = body, err = err })
    wg:done()
  end)
end

local bodies, failure = {}, nil
for _ = 1, #urls do
  local r = results:recv()
  if r.err then
    failure = r.err
    cancel()                      -- first failure: stop everybody else
    break
  end
  bodies[r.i] = r.body
end

wg:wait()                         -- wait until every request has really stopped
if failure then
  print("all: rejected: " .. failure)
else
  for i = 1, #urls do print(bodies[i]) end
  print("all: fulfilled")
end
cancel()
