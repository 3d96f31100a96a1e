// bench/pingpong.h — the Lua ping-pong the benches measure: `rounds` round trips between main
// and one task over two unbuffered channels (script_bench, and gofront_bench's baseline for the
// same program in Go).
#pragma once

#include <string>

namespace rdv::bench {

inline std::string lua_pingpong(int rounds) {
  return R"(
local ping, pong = chan(0, "ping"), chan(0, "pong")
local n = )" +
         std::to_string(rounds) +
         R"(
go("ponger", function()
  for i = 1, n do pong:send(ping:recv()) end
end)
for i = 1, n do
  ping:send(i)
  pong:recv()
end
)";
}

}  // namespace rdv::bench
