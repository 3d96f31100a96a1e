-- Attacks: the C stack through __index and __tostring metamethods that recurse into themselves,
-- and through table.sort's comparator and string.gsub's callback, inside a task.
-- Expect: an error ("stack overflow" / "C stack overflow"), never a crash.
--! diag: stack overflow
--! line: any
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k .. "x"] end
print(pcall(function() return t.a end))
local s = setmetatable({}, {})
getmetatable(s).__tostring = function(self) return tostring(self) end
print(pcall(tostring, s))
local function g(x) return (string.gsub("a", "a", g)) end
print(pcall(g, "a"))
go("diver", function()
  local function sorter(a, b) table.sort({ 3, 2, 1 }, sorter); return a < b end
  table.sort({ 3, 2, 1 }, sorter)
end)
sleep(1)
