scenario { title = "Futures, all, all_settled and a task group", chapter = "guide",
           concept = "async starts a task and returns a future; all waits for every one or the first error; a group cancels the rest on the first error.",
           watch = "In the group, slow sees the group's context cancelled when fail returns its error." }

local function fetch(name, delay, err)
  return async(function()
    sleep(delay * ms)
    if err then error(err, 0) end             -- level 0: the message without file:line
    return name .. " data"
  end)
end

-- all: every value, or the first error
local values = all({ fetch("users", 20), fetch("orders", 10) })
print("all:", values[1], values[2])
print("all:", all({ fetch("users", 20), fetch("orders", 10, "orders: timeout") }))

-- all_settled: each outcome, in input order
for i, r in ipairs(all_settled({ fetch("a", 5), fetch("b", 5, "b failed") })) do
  print("settled", i, r.ok, r.value or r.err)
end

-- a group: the first error cancels the group's context and is what wait returns
local g = group(context.background(), "requests")
g:go(function(ctx) sleep(10 * ms); return "fail: bad request" end, "fail")
g:go(function(ctx)
  select {
    on_recv(ctx:done(), function() print("slow:", ctx:err()) end),
    on_recv(after(1 * second), function() print("slow: finished") end),
  }
end, "slow")
print("group:", g:wait())
