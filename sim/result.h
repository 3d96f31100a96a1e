// sim/result.h — I/O and parse results as values, for every layer (style.md §7: a load failure
// is a value with a message naming file and line, never an exception or a crash).
//
// The one error type of trace/ (read, write, export), script/ (reading a file a person named,
// a scenario's header) and the CLI. It lives in sim/ because sim/ is the lowest layer and holds
// no I/O of its own: the file is header-only and needs no library, so rdv_scenario_header (which
// links nothing) includes it as well as rdv_trace.
//
// Example:
//   Result<Trace> r = trace::read_trace("run.rdv.jsonl");
//   if (!r) { std::cerr << r.error() << "\n"; return 1; }  // "run.rdv.jsonl:12: ..."
//   use(*r);
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace rdv {

struct Error {
  std::string message;  // "file:line: what is wrong" (or "file: what is wrong")
  int line = 0;         // the line `message` names, 0 when it names none
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Error e) : v_(std::move(e)) {}      // NOLINT

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  // - value(), *, -> require ok(); error(), error_line() require !ok().
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const std::string& error() const {
    assert(!ok());
    return std::get<1>(v_).message;
  }
  int error_line() const {
    assert(!ok());
    return std::get<1>(v_).line;
  }

 private:
  std::variant<T, Error> v_;
};

struct Done {};
using Status = Result<Done>;  // success carries nothing

}  // namespace rdv
