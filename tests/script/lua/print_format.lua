-- print and tostring: Go-like, deterministic (no addresses), tab-separated, one line per call.
--! outcome: ok
scenario { title = "formatting", chapter = "0" }
print(1, 2.0, 0.5, 1e6, 123456.0, 1/3, -0.0, 1e-5, 2^63, math.huge, -math.huge)
print(nil, true, false, "s", "")
print({ 1, 2, 3 }, { b = 1, a = "x", [10] = true }, {}, { { 1 }, { k = { "deep" } } })
local t = { 1 }
t.self = t
print(t)
print(tostring(print), type(tostring(function() end)))
print(string.format("%s %d %5.2f %q", { 1 }, 3, 2.5, "q"))
local keys = {}
for k in pairs({ z = 1, a = 2, [3] = 3, [1] = 4, m = 5, [2.5] = 6, [true] = 7 }) do keys[#keys + 1] = tostring(k) end
print(table.concat(keys, " "))
print(setmetatable({}, { __tostring = function() return "custom" end }))
print(#tostring(string.rep("x", 10000)) > 4000)
note("a marker")
print()
--> 1\t2\t0.5\t1e+06\t123456\t0.3333333333333333\t-0\t1e-05\t9.223372036854776e+18\t+Inf\t-Inf
--> nil\ttrue\tfalse\ts\t
--> {1, 2, 3}\t{[10]=true, a="x", b=1}\t{}\t{{1}, {k={"deep"}}}
--> {1, self={…}}
--> function: builtin\tstring
--> {1} 3  2.50 "q"
--> 1 2.5 3 a m z true
--> custom
--> true
--> 
