scenario { title = "Error propagation and the cancel cascade", chapter = "2.5",
           concept = "The first error cancels the request's context; every context derived from it is cancelled too, and each task cleans up in deferred (reverse) order.",
           watch = "At 0.5 s loadUser fails; main cancels 'request' and both child contexts fire at once. Each task prints its cleanup last-in, first-out.",
           expect = "never deadlocks" }

-- Lua's <close> variables are Go's defer: they run when the function ends, in reverse order,
-- even if it ends by an error.
local function defer(fn) return setmetatable({}, { __close = fn }) end

-- The context tree:  background -> request -> { db (cancel), cache (timeout 10 s) }
local request, cancel = context.with_cancel(context.background(), "request")
local dbCtx, cancelDb = context.with_cancel(request, "db")
local cacheCtx, cancelCache = context.with_timeout(request, 10 * second, "cache")

local errc = chan(3, "errors")   -- room for every worker: late reporters never block
local wg = waitgroup("workers")

-- A worker that holds two resources and works until it is done or its context is cancelled.
local function worker(name, ctx, res1, res2)
  local _r1 <close> = defer(function() print(name .. ": release " .. res1) end)
  print(name .. ": acquired " .. res1)
  local _r2 <close> = defer(function() print(name .. ": release " .. res2) end)
  print(name .. ": acquired " .. res2)
  select {
    on_recv(after(5 * second), function() print(name .. ": finished") end),
    on_recv(ctx:done(), function() errc:send(name .. ": " .. ctx:err()) end),
  }
  -- returning runs the deferred releases: res2 first, then res1
end

wg:add(3)
go("queryDB", function()
  local _ <close> = defer(function() wg:done() end)   -- defer wg.Done(), registered first: runs last
  worker("queryDB", dbCtx, "connection", "rows")
end)
go("warmCache", function()
  local _ <close> = defer(function() wg:done() end)
  worker("warmCache", cacheCtx, "lock", "buffer")
end)
go("loadUser", function()
  local _ <close> = defer(function() wg:done() end)
  sleep(500 * ms)
  errc:send("loadUser: user 42 not found")   -- the error that starts the cascade
end)

local err = errc:recv()          -- the first error wins
print("main: first error: " .. err)
cancel()                         -- cancels request, and with it dbCtx and cacheCtx
wg:wait()
print("main: request failed, all workers stopped")
cancelDb()                       -- releasing child contexts is good hygiene (go vet asks for it)
cancelCache()
