-- Attacks: one task resuming or closing another task's Lua thread (got from
-- coroutine.running()) while that task is parked, and after it has ended.
-- Expect: each attempt is refused by Lua; the script then fails on purpose.
--! diag: resumes refused: 3
local parked_thread
local gate = chan(0)
go("victim", function()
  parked_thread = coroutine.running()
  gate:recv()
end)
sleep(1)
local refused = 0
if not coroutine.resume(parked_thread) then refused = refused + 1 end
if not pcall(coroutine.close, parked_thread) then refused = refused + 1 end
gate:send(1)
sleep(1)
local ok = coroutine.resume(parked_thread)
if not ok then refused = refused + 1 end
error("resumes refused: " .. refused) --@
