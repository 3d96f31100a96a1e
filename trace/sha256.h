// trace/sha256.h — SHA-256 (FIPS 180-4), for the script digest in a trace's header.
//
// Small and dependency-free; checked against the FIPS/NIST test vectors in tests/trace.
//
// Example:
//   Sha256 h; h.update("ab"); h.update("c");
//   std::string hex = h.hex();  // "ba7816bf..."
//   sha256_hex("abc");          // the same
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace rdv::trace {

class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::string_view data) noexcept;     // may be called any number of times
  std::array<std::uint8_t, 32> digest() noexcept;  // finishes; call once
  std::string hex() noexcept;                      // digest() as 64 lowercase hex digits

 private:
  void block(const std::uint8_t* p) noexcept;
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t buf_len_ = 0;
  std::uint64_t total_ = 0;  // bytes hashed so far
};

std::string sha256_hex(std::string_view data);

}  // namespace rdv::trace
