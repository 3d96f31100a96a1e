scenario { title = "A task group: the first error cancels the rest", chapter = "3.3",
           concept = "group() is Go's errgroup: every task gets the group's context; the first task to return an error cancels it, and wait() returns that error.",
           watch = "At 1 s 'resize' fails: the group's context is cancelled and 'upload' and 'thumbnail', waiting in select, wake up at once and stop.",
           expect = "never deadlocks" }

-- Go (golang.org/x/sync/errgroup):  g, ctx := errgroup.WithContext(parent)
local g = group(context.background(), "image jobs")

-- A job that takes `duration`, or fails after it if `failure` is set. g:go calls it with the
-- group's context; whatever it returns (other than nil) is its error.
local function job(name, duration, failure)
  return function(ctx)
    return select {
      on_recv(after(duration), function()
        if failure then
          print(name .. ": failed")
          return failure                  -- the first error: the group cancels ctx
        end
        print(name .. ": done")
        return nil
      end),
      on_recv(ctx:done(), function()      -- somebody else failed: stop early
        print(name .. ": stopped (" .. ctx:err() .. ")")
        return nil
      end),
    }
  end
end

g:go(job("upload", 3 * second), "upload")
g:go(job("resize", 1 * second, "resize: image too large"), "resize")
g:go(job("thumbnail", 2 * second), "thumbnail")

local err = g:wait()                      -- waits for all three; returns the first error
print("group: " .. tostring(err))
