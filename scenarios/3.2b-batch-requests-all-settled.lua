scenario { title = "Batch requests, Promise.allSettled style: every outcome kept", chapter = "3.2",
           concept = "Wait for every request and keep each outcome, success or failure, in input order, like Promise.allSettled.",
           watch = "Failures do not stop the batch: all four tasks run to the end and main prints one line per request.",
           expect = "never deadlocks" }

local urls = { "/users", "/orders", "/stock", "/prices" }

-- A simulated HTTP GET: 100..600 ms, and one request in four answers 503.
local function httpGet(url)
  sleep(rand(6) * 100 * ms)
  if rand(4) == 1 then return nil, "503 Service Unavailable" end
  return "200 OK", nil
end

local settled = {}                -- slot i belongs to request i
local wg = waitgroup()
for i, url in ipairs(urls) do
  wg:add(1)
  go("GET " .. url, function()
    local body, err = httpGet(url)
    settled[i] = { body = body, err = err }
    wg:done()
  end)
end
wg:wait()

local fulfilled, rejected = 0, 0
for i, url in ipairs(urls) do
  local s = settled[i]
  if s.err then
    rejected = rejected + 1
    print(url .. ": rejected: " .. s.err)
  else
    fulfilled = fulfilled + 1
    print(url .. ": fulfilled: " .. s.body)
  end
end
print("allSettled: " .. fulfilled .. " fulfilled, " .. rejected .. " rejected")
