-- promise / future / async / all / all_settled.
--! outcome: ok
local p = promise("config")
local f = p:future()
go("loader", function() sleep(30 * ms); p:set({ v = 2 }) end)
local got = {}
local wg = waitgroup()
for i = 1, 3 do
  wg:add(1)
  go(function() local v = f:get(); got[i] = v.v; wg:done() end)
end
print(f:get())
wg:wait()
print(got[1], got[2], got[3])
print(pcall(function() p:set(3) end))
local bad = promise()
bad:fail("disk full")
print(bad:future():get())
print(pcall(function() bad:fail("again") end))

local a = async(function(x, y) sleep(10 * ms); return x * y end, 6, 7)
print(a:get())
local e = async(function() error({ code = 503 }) end)
local v, err = e:get()
print(v, err.code)

local vals, aerr = all({ async(function() return 1 end), async(function() sleep(5 * ms); return 2 end) })
print(vals[1], vals[2], aerr)
local vals2, aerr2 = all({ async(function() sleep(50 * ms); return 1 end), async(function() return nil end),
                           async(function() error("boom", 0) end) })
print(vals2, aerr2)
local s = all_settled({ async(function() return "ok" end), async(function() error("bad", 0) end) })
print(#s, s[1].ok, s[1].value, s[2].ok, s[2].err)
print(all({})[1], #all_settled({}))
sleep(100 * ms) -- the slow task all() did not wait for finishes (else it would leak)
--> {v=2}\tnil
--> 2\t2\t2
--> false\tpromise: set of resolved promise
--> nil\tdisk full
--> false\tpromise: fail of resolved promise
--> 42\tnil
--> nil\t503
--> 1\t2\tnil
--> nil\tboom
--> 2\ttrue\tok\tfalse\tbad
--> nil\t0
