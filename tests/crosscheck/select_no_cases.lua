-- An empty select blocks forever: alone, a deadlock reported as [select (no cases)].
print("before")
select {}
