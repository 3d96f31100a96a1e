// sim/enum_table.h — what each enumerator of an enum stands for (its name, its words, its colour),
// written once as a table indexed by the enum instead of a switch with a `case X: return "x";`
// per enumerator.
//
//   enum class Kind : std::uint8_t { Ok, Deadlock, Panic };
//   inline constexpr std::size_t kKindCount = static_cast<std::size_t>(Kind::Panic) + 1;
//
//   constexpr auto kKindNames =
//       enum_table<Kind, const char*, kKindCount>({"ok", "deadlock", "panic"});
//   const char* to_string(Kind k) noexcept { return kKindNames.at(k, "?"); }
//   bool parse_kind(std::string_view s, Kind* out) noexcept { return kKindNames.find(s, out); }
//
// A row of several values may name its enumerator in a member `key`
// (`{VisualState::Running, colour, shape, "running"}`); enum_table then checks it stands in its
// enumerator's place.
//
// The values are in the enumerators' order (each enum's enumerators are 0, 1, ... count - 1), and
// enum_table refuses to compile unless there is exactly one value per enumerator: the check a
// switch had from -Wswitch. The count sits right under the enum (or is its Count_ enumerator), so
// appending an enumerator means updating it there, and every table of that enum then fails to
// compile until it has the new value.
//
// It sits in sim/ (the standard library only) because sim is the lowest layer every other one
// includes, as sim/result.h does.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace rdv {

template <class E, class V, std::size_t N>
class EnumTable {
 public:
  constexpr explicit EnumTable(const std::array<V, N>& values) : values_(values) {}

  // The value of enumerator e; `otherwise` for a value no enumerator has (a corrupt byte).
  constexpr V at(E e, V otherwise) const noexcept {
    const auto i = static_cast<std::size_t>(e);
    return i < N ? values_[i] : otherwise;
  }
  // The enumerator whose value is v (in a table of names: the one spelt v), if any.
  template <class T>
  constexpr bool find(const T& v, E* out) const noexcept {
    for (std::size_t i = 0; i < N; ++i) {
      if (same(values_[i], v)) {
        *out = static_cast<E>(i);
        return true;
      }
    }
    return false;
  }

 private:
  template <class T>
  static constexpr bool same(const V& a, const T& b) noexcept {
    if constexpr (std::is_convertible_v<V, std::string_view>) {
      return std::string_view(a) == std::string_view(b);  // names compare as text
    } else {
      return a == b;
    }
  }

  std::array<V, N> values_;
};

// One value per enumerator of E, in their order; `Count` is E's number of enumerators.
template <class E, class V, std::size_t Count, std::size_t N>
constexpr EnumTable<E, V, N> enum_table(const V (&values)[N]) {
  static_assert(N == Count, "an enum table needs exactly one value per enumerator");
  std::array<V, N> a{};
  for (std::size_t i = 0; i < N; ++i) {
    if constexpr (requires { values[i].key; }) {
      // Rows that name their enumerator: a row out of place does not compile.
      if (values[i].key != static_cast<E>(i)) throw "enum table row out of the enumerators' order";
    }
    a[i] = values[i];
  }
  return EnumTable<E, V, N>(a);
}

}  // namespace rdv
