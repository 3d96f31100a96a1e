-- main returns while a worker is ready to run: the program ends there, so the worker's line
-- usually never appears. Main's return is a scheduling point: the worker may print first.
go(function()
  print("worker ran")
end)
print("main done")
