// The event contract's helpers: stable names, parsing, the inline value display.
#include "sim/event.h"

#include <doctest/doctest.h>

#include <string>

namespace rdv::sim {

TEST_CASE("event: every kind has a stable name that parses back") {
  for (int i = 0; i < static_cast<int>(EventKind::Count_); ++i) {
    const auto k = static_cast<EventKind>(i);
    EventKind back = EventKind::Count_;
    REQUIRE(parse_event_kind(to_string(k), &back));
    CHECK(back == k);
  }
  EventKind k{};
  CHECK_FALSE(parse_event_kind("NoSuchKind", &k));
  CHECK(std::string(to_string(EventKind::ChanRecv)) == "ChanRecv");
  CHECK(std::string(to_string(EventKind::RunEnd)) == "RunEnd");
}

TEST_CASE("event: outcomes and block reasons read as people say them") {
  for (int i = 0; i <= static_cast<int>(Outcome::Aborted); ++i) {
    Outcome o{};
    REQUIRE(parse_outcome(to_string(static_cast<Outcome>(i)), &o));
    CHECK(o == static_cast<Outcome>(i));
  }
  CHECK(std::string(to_string(Outcome::Deadlock)) == "deadlock");
  CHECK(std::string(to_string(BlockReason::ChanRecv)) == "chan receive");
  CHECK(std::string(to_string(BlockReason::ChanSend)) == "chan send");
  CHECK(std::string(to_string(BlockReason::Select)) == "select");
}

TEST_CASE("event: Val keeps short text and cuts long text at a UTF-8 boundary with an ellipsis") {
  CHECK(Val("42").view() == "42");
  CHECK(Val().empty());
  const std::string longer(100, 'x');
  const Val v(longer);
  CHECK(v.view().size() < Val::kCap);
  CHECK(v.view().substr(v.view().size() - 3) == "\xE2\x80\xA6");
  // 2-byte characters: the cut never splits one.
  std::string accents;
  for (int i = 0; i < 30; ++i) accents += "\xC3\xA9";
  const Val a(accents);
  const std::string_view s = a.view();
  const std::string_view body = s.substr(0, s.size() - 3);
  CHECK(body.size() % 2 == 0);
  CHECK(Val("a") == Val("a"));
  CHECK_FALSE(Val("a") == Val("b"));
}

}  // namespace rdv::sim
