-- design.md §3: an unbuffered send/recv is a rendezvous; the value is handed over directly.
--! outcome: ok
local ch = chan(0, "result")
local t = go("sender", function(x)
  ch:send(x)
end, 42)
local v, ok = ch:recv()
print("main: got", v, ok)
print(ch:len(), ch:cap(), t:name(), t:id())
print(tostring(ch), tostring(nilchan()))
--> main: got\t42\ttrue
--> 0\t0\tsender\t2
--> chan result\tchan nil
