-- Attacks: a coroutine that yields forever (no sync point: yields are Lua-only), in a task.
-- Expect: the step budget, counted across the coroutine, at the coroutine's line.
--! diag: instructions without reaching a synchronization point
--! line: any
go("driver", function()
  local co = coroutine.wrap(function()
    while true do coroutine.yield(1) end
  end)
  while true do co() end
end)
sleep(1)
