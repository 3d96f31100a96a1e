scenario { title = "API: groups, all and all_settled", chapter = "guide" }
local g = group(context.background(), "jobs")   -- g, ctx := errgroup.WithContext(bg)
for i = 1, 3 do
  g:go(function(ctx)                        -- g.Go(func() error { ... })
    sleep(i * 10 * ms)
    if i == 2 then return "job 2 failed" end   -- a returned value (not nil/false) is an error
  end, "job " .. i)
end
print(g:wait(), g:context():err())          -- g.Wait(): the first error; ctx is cancelled

local fast = async(function() return "fast" end)
local slow = async(function() sleep(50 * ms); return "slow" end)
local values, err = all({ fast, slow })     -- Promise.all
print(values[1], values[2], err)
local broken = async(function() error("broken", 0) end)
for _, r in ipairs(all_settled({ fast, broken })) do   -- Promise.allSettled
  print(r.ok, r.value, r.err)
end
