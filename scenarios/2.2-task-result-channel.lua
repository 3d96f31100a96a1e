scenario { title = "One task, one result channel", chapter = "2.2",
           concept = "Give every task its own result channel (Task{Payload, Result}); the task sends once, then closes it.",
           watch = "Three result channels, one per task; each gets one value, then is closed (recv gives ok=false).",
           expect = "never deadlocks" }

-- Go:  type Task struct { Payload string; Result chan string }
local function doTask(task)
  sleep(100 * ms)                                   -- the work
  task.Result:send("processed: " .. task.Payload)   -- exactly one result ...
  task.Result:close()                               -- ... then close: no receiver can hang on it
end

local tasks = {}
for i, payload in ipairs({ "invoice", "receipt", "report" }) do
  -- Buffer of 1: the task can finish even if nobody ever reads its result.
  tasks[i] = { Payload = payload, Result = chan(1, "result " .. payload) }
  go("doTask " .. payload, doTask, tasks[i])
end

-- Each caller reads its own channel: results never get mixed up.
for _, task in ipairs(tasks) do
  local v = task.Result:recv()
  print(v)
  local _, ok = task.Result:recv()   -- closed and drained: zero value, ok = false
  print(task.Payload .. ": channel closed, ok = " .. tostring(ok))
end
