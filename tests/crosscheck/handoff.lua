-- An unbuffered hand-off, then both sides print: either line may come first (the woken
-- receiver often prints before the sender with two CPUs). Output is a scheduling point.
local ch = chan(0)
local done = chan(0)
go(function()
  local v = ch:recv()
  print("received " .. v)
  done:send(true)
end)
ch:send(1)
print("sent")
done:recv()
