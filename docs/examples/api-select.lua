scenario { title = "API: select", chapter = "guide" }
local inbox, outbox = chan(1, "inbox"), chan(1, "outbox")
inbox:send("hello")
outbox:send("full")                         -- outbox's only slot is taken: a send would block
local what = select {                       -- select {
  on_recv(inbox, function(v, ok) return "received " .. v end),   -- case v, ok := <-inbox:
  on_send(outbox, "more", function() return "sent" end),        -- case outbox <- "more":
  on_recv(nilchan(), function() return "never" end),             -- a nil channel is never ready
}
print(what)
print(select {
  on_recv(inbox, function(v) return v end),
  default = function() return "nothing ready" end,               -- default:
})
print(select("#", "a", "b", "c"))           -- Lua's own select still works
