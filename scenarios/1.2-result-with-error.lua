scenario { title = "Async results that can fail: a Result {Data, Err}", chapter = "1",
           concept = "Send data and error together in one value, so the receiver always learns how a task ended.",
           watch = "Each fetch sends one Result; beta's carries an error instead of data, and main still gets it.",
           expect = "never deadlocks" }

-- Go:  type Result struct { Data string; Err error }
--      results := make(chan Result)
local jobs = {
  { id = 1, name = "alpha", latency = 300 * ms },
  { id = 2, name = "beta",  latency = 100 * ms, fails = true },
  { id = 3, name = "gamma", latency = 200 * ms },
}
local results = chan(0, "results")

local function fetch(job)
  sleep(job.latency)
  if job.fails then
    -- A failed task still sends: otherwise main would wait for it forever.
    results:send({ id = job.id, data = nil, err = job.name .. ": connection refused" })
  else
    results:send({ id = job.id, data = string.upper(job.name), err = nil })
  end
end

for _, job in ipairs(jobs) do
  go("fetch " .. job.name, fetch, job)
end

-- Exactly one Result per task: receive as many as we started.
local byId = {}
for _ = 1, #jobs do
  local r = results:recv()
  byId[r.id] = r
end

-- Print in the order of the jobs, not of arrival.
for _, job in ipairs(jobs) do
  local r = byId[job.id]
  if r.err then
    print(job.name .. ": error: " .. r.err)
  else
    print(job.name .. ": " .. r.data)
  end
end
