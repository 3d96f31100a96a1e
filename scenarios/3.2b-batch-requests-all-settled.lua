scenario { title = "Batch requests, Promise.allSettled style: every outcome kept", chapter = "3.2",
           concept = "Start every request as a future and wait for all of them, keeping each outcome, success or failure, in input order.",
           watch = "Failures do not stop the batch: all four async tasks run to the end, then all_settled returns one outcome per request.",
           expect = "never deadlocks" }

local urls = { "/users", "/orders", "/stock", "/prices" }

-- A simulated HTTP GET: 100..600 ms, and one request in four answers 503.
local function httpGet(url)
  sleep(rand(6) * 100 * ms)
  if rand(4) == 1 then
    error("503 Service Unavailable", 0)   -- rejects this request's future (level 0: no file:line)
  end
  return "200 OK"
end

-- async(fn, ...) runs fn in a new task and returns its future at once.
local futures = {}
for i, url in ipairs(urls) do
  futures[i] = async(httpGet, url)
end

-- all_settled waits for every future; outcome i belongs to request i, whatever finished first.
-- (In Go: the WaitGroup loop of 3.1 with one result slot per request.)
local outcomes = all_settled(futures)

local fulfilled, rejected = 0, 0
for i, url in ipairs(urls) do
  local o = outcomes[i]
  if o.ok then
    fulfilled = fulfilled + 1
    print(url .. ": fulfilled: " .. o.value)
  else
    rejected = rejected + 1
    print(url .. ": rejected: " .. o.err)
  end
end
print("allSettled: " .. fulfilled .. " fulfilled, " .. rejected .. " rejected")
