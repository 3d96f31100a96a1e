scenario { title = "A pipeline with cancellation", chapter = "guide",
           concept = "Stages joined by channels; one cancel stops them all, and nobody is left blocked.",
           watch = "After cancel, each stage's select takes the done case, closes its output and returns." }

local ctx, cancel = context.with_cancel(context.background(), "pipeline")
local wg = waitgroup("stages")

-- Sends v on out unless the pipeline is cancelled first. True when sent.
local function send(out, v)
  return select {
    on_send(out, v, function() return true end),
    on_recv(ctx:done(), function() return false end),
  }
end

local function stage(name, input, f)        -- a task: f(v) for every v of input, sent on out
  local out = chan(0, name)
  wg:add(1)
  go(name, function()
    for v in input:range() do
      if not send(out, f(v)) then break end
    end
    out:close()
    wg:done()
  end)
  return out
end

local numbers = chan(0, "numbers")
wg:add(1)
go("generate", function()                   -- 1, 2, 3, ... until cancelled
  local n = 1
  while send(numbers, n) do n = n + 1 end
  numbers:close()
  wg:done()
end)
local squares = stage("square", numbers, function(v) return v * v end)
local lines = stage("format", squares, function(v) return "square: " .. v end)

for _ = 1, 3 do
  local line = lines:recv()
  print(line)
end
cancel()                                    -- stop every stage...
wg:wait()                                   -- ...and wait until each has returned
print("pipeline stopped:", ctx:err())
