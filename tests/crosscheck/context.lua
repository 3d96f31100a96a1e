-- A context tree: cancelling the parent cancels the children; deadlines.
local parent, cancel = context.with_cancel(context.background())
local child, cancel_child = context.with_cancel(parent)
print(tostring(parent:err() == nil) .. " " .. tostring(child:err() == nil))
cancel()
child:done():recv()
print(parent:err() .. " / " .. child:err())
local t, cancel_t = context.with_timeout(context.background(), 20 * ms)
select {
  on_recv(t:done(), function() print("done: " .. t:err()) end),
  on_recv(after(2 * second), function() print("late") end),
}
cancel_t()
cancel_child()
