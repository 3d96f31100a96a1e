scenario { title = "API: promises and futures", chapter = "guide" }
local p = promise("config")                 -- ch := make(chan result, 1): written once
local f = p:future()
go("loader", function()
  sleep(20 * ms)
  p:set("loaded")                           -- ch <- result{v: "loaded"}
end)
print(f:get())                              -- r := <-ch: the value and nil
print(f:get())                              -- a future can be read again

local bad = promise("disk")
bad:fail("disk full")                       -- ch <- result{err: errors.New("disk full")}
print(bad:future():get())                   -- nil and the error

local sum = async(function(a, b)            -- go func() { ch <- result{v: a + b} }()
  sleep(10 * ms)
  return a + b
end, 2, 3)
print(sum:get())
