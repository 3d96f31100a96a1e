scenario { title = "Promise and Future", chapter = "4.4",
           concept = "A promise is the write side of a result that will exist later; its future is the read side: get() waits until it is set or failed.",
           watch = "main does its own work, then blocks at get() on the future until the loader sets the promise; the failed one returns its error.",
           expect = "never deadlocks" }

-- 1. A promise set by another task.
local config = promise("config")
go("loader", function()
  sleep(300 * ms)
  config:set("config v2")            -- writes once; wakes everyone waiting in get()
end)

-- 2. async: run a function in a new task and get its future directly.
local answer = async(function()
  sleep(100 * ms)
  return 6 * 7
end)

-- 3. A promise that fails.
local upload = promise("upload")
go("uploader", function()
  sleep(200 * ms)
  upload:fail("disk full")           -- the future now carries an error instead of a value
end)

print("main: doing other work while the results are computed")
local v, err = config:future():get()   -- blocks until set
print("config: " .. v)
v, err = answer:get()
print("answer: " .. v)
v, err = upload:future():get()
print("upload failed: " .. tostring(err) .. " (value " .. tostring(v) .. ")")
