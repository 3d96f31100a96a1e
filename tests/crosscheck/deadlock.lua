-- Everyone waits: the deadlock detector.
local ch = chan(0)
print("waiting")
ch:recv()
