-- Attacks: all() over a table holding a number, then f.get() without self.
-- Expect: "element 2 is not a future" recovered, then a bad argument at the get line.
--! diag: bad argument #1 to 'get' (future expected, got no value)
local p = promise()
print(pcall(all, { p:future(), 7 }))
local f = p:future()
f.get() --@
