// The trace writer: hand-written serialisation (no JSON library on the hot path) into a buffer
// that is flushed in large chunks, and the write-to-temporary-then-rename dance.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <functional>

#include "trace/file_sink.h"
#include "trace/json_text.h"
#include "trace/trace.h"

namespace rdv::trace {
namespace {

constexpr std::array<const char*, 14> kReasonNames = {
    "None",   "ChanSend", "ChanRecv", "Select",        "WaitGroup",   "Mutex",       "RLock",
    "Future", "Sleep",    "Forever",  "SelectNoCases", "ChanSendNil", "ChanRecvNil", "CondWait"};
static_assert(kReasonNames.size() == sim::kBlockReasonCount);

using Sink = std::function<bool(std::string&)>;  // consumes (and clears) the buffer

// `key` (the comma, the quoted name and the colon) and `v`, unless `v` is 0.
template <class Int>
void append_nonzero(std::string& out, std::string_view key, Int v) {
  if (v == 0) return;
  out += key;
  json::append_int(out, v);
}

void append_header(std::string& out, const Header& h, std::size_t events) {
  out += "{\"rdv\":";
  json::append_int(out, h.version);
  out += ",\"scenario\":";
  json::append_string(out, h.scenario);
  out += ",\"sha256\":";
  json::append_string(out, h.sha256);
  out += ",\"title\":";
  json::append_string(out, h.title);
  out += ",\"mode\":";
  json::append_string(out, h.mode);
  out += ",\"policy\":";
  json::append_string(out, h.policy);
  out += ",\"seed\":";
  json::append_int(out, h.seed);
  out += ",\"preempt\":";
  json::append_string(out, h.preempt);
  out += ",\"depth\":";
  json::append_int(out, h.depth);
  out += ",\"time_scale\":";
  json::append_double(out, h.time_scale);
  out += ",\"decisions\":";
  json::append_int(out, h.decisions);
  if (h.vars) out += ",\"vars\":true";
  if (!h.run.empty()) {
    out += ",\"run\":";
    json::append_string(out, h.run);
  }
  if (h.max_events != sim::RunConfig::kDefaultMaxEvents) {
    out += ",\"max_events\":";
    json::append_int(out, h.max_events);
  }
  append_nonzero(out, ",\"limit_memory\":", h.limit_memory);
  // A size hint: lets the reader reserve its event array once.
  out += ",\"events\":";
  json::append_int(out, events);
  out += ",\"schedule\":[";
  for (std::size_t i = 0; i < h.schedule.size(); ++i) {
    if (i) out += ',';
    json::append_int(out, h.schedule[i]);
  }
  out += "],\"script\":";
  json::append_string(out, h.script);
  out += "}\n";
}

void append_event(std::string& out, const sim::Event& e, std::string_view text) {
  out += "{\"seq\":";
  json::append_int(out, e.seq);
  out += ",\"t\":";
  json::append_int(out, e.t);
  out += ",\"task\":";
  json::append_int(out, e.task);
  out += ",\"kind\":\"";
  out += sim::to_string(e.kind);
  out += '"';
  if (e.reason != sim::BlockReason::None) {
    out += ",\"reason\":\"";
    out += reason_name(e.reason);
    out += '"';
  }
  // Zero is the reader's default: a field that is 0 is left out.
  append_nonzero(out, ",\"flags\":", e.flags);
  append_nonzero(out, ",\"obj\":", e.obj);
  append_nonzero(out, ",\"peer\":", e.peer);
  append_nonzero(out, ",\"line\":", e.line);
  append_nonzero(out, ",\"arg\":", e.arg);
  append_nonzero(out, ",\"aux\":", e.aux);
  if (e.peer_seq != sim::kNoSeq) {
    out += ",\"peer_seq\":";
    json::append_int(out, e.peer_seq);
  }
  if (!text.empty()) {
    out += ",\"text\":";
    json::append_string(out, text.substr(0, json::utf8_prefix(text, kMaxTextBytes)));
  }
  if (!e.val.empty()) {
    out += ",\"val\":";
    json::append_string(out, e.val.view());
  }
  out += "}\n";
}

void append_footer(std::string& out, const Footer& f, std::size_t events) {
  out += "{\"end\":true,\"outcome\":\"";
  out += sim::to_string(f.outcome);
  out += "\",\"events\":";
  json::append_int(out, events);
  out += ",\"message\":";
  json::append_string(out, f.message.substr(0, json::utf8_prefix(f.message, kMaxTextBytes)));
  out += ",\"output\":[";
  // Output beyond kMaxOutputBytes or kMaxOutputLines (counted as the reader counts them: each
  // line and its newline, the "more lines" mark included) is cut; the Print events still hold
  // every line. A run of more than a million events (`--max-events`) can print more lines.
  constexpr std::size_t kMarkRoom = 64;
  std::size_t total = 0;
  for (std::size_t i = 0; i < f.output.size(); ++i) {
    const std::string_view line =
        std::string_view(f.output[i]).substr(0, json::utf8_prefix(f.output[i], kMaxTextBytes));
    if (total + line.size() + 1 > kMaxOutputBytes - kMarkRoom ||
        (f.output.size() > kMaxOutputLines && i + 1 >= kMaxOutputLines)) {
      if (i) out += ',';
      out += "\"… (" + std::to_string(f.output.size() - i) + " more lines)\"";
      break;
    }
    total += line.size() + 1;
    if (i) out += ',';
    json::append_string(out, line);
  }
  out += "]}\n";
}

// Serialises `t`, handing the buffer to `sink` whenever it passes `chunk` bytes. An Error with
// an empty message is the sink's refusal (the sink knows why).
Status serialise(const Trace& t, std::size_t chunk, const Sink& sink) {
  std::string buf;
  buf.reserve(chunk + 4096);
  append_header(buf, t.header, t.events.size());
  if (buf.size() > kMaxLineBytes) {
    return Error{"header too large (the script is over " + std::to_string(kMaxLineBytes >> 20) +
                 " MiB)"};
  }
  for (const sim::Event& e : t.events) {
    append_event(buf, e, t.strings.str(e.text));
    if (buf.size() >= chunk && !sink(buf)) return Error{};
  }
  append_footer(buf, t.footer, t.events.size());
  if (!sink(buf)) return Error{};
  return Done{};
}

}  // namespace

const char* reason_name(sim::BlockReason r) noexcept {
  const auto i = static_cast<std::size_t>(r);
  return i < kReasonNames.size() ? kReasonNames[i] : "?";
}

bool parse_reason_name(std::string_view s, sim::BlockReason* out) noexcept {
  for (std::size_t i = 0; i < kReasonNames.size(); ++i) {
    if (s == kReasonNames[i]) {
      *out = static_cast<sim::BlockReason>(i);
      return true;
    }
  }
  return false;
}

std::string format_trace(const Trace& t) {
  std::string out;
  // A header over the line limit gives an empty text (there is no error to report here).
  (void)serialise(t, std::size_t{1} << 20, [&](std::string& buf) {
    out += buf;
    buf.clear();
    return true;
  });
  return out;
}

Status write_trace(const std::string& path, const Trace& t) {
  auto sink = FileSink::create(path);
  if (!sink) return Error{sink.error()};
  const Status s =
      serialise(t, std::size_t{1} << 20, [&](std::string& buf) { return sink->write(buf); });
  if (!s) return Error{path + ": write failed: " + (s.error().empty() ? sink->error() : s.error())};
  return sink->commit();
}

// ---- FileSink -------------------------------------------------------------------------------

Result<FileSink> FileSink::create(const std::string& path) {
  // A temporary file in the same directory: rename is only atomic within one file system.
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return Error{path + ": cannot create a file there: " + std::strerror(errno)};
  ::fchmod(fd, 0644);
  return FileSink(path, std::move(tmp), fd);
}

FileSink::FileSink(FileSink&& o) noexcept
    : path_(std::move(o.path_)), tmp_(std::move(o.tmp_)), fd_(o.fd_), error_(std::move(o.error_)) {
  o.fd_ = -1;
  o.tmp_.clear();
}

FileSink::~FileSink() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

bool FileSink::write(std::string& buf) {
  const char* p = buf.data();
  std::size_t n = buf.size();
  while (n > 0) {
    const ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (error_.empty()) error_ = std::strerror(errno);
      return false;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  buf.clear();
  return true;
}

Status FileSink::commit() {
  // fsync before the rename, so the rename never exposes unwritten data.
  if (::fsync(fd_) != 0) return Error{path_ + ": write failed: " + std::strerror(errno)};
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return Error{path_ + ": write failed: " + std::strerror(errno)};
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    return Error{path_ + ": cannot replace the file: " + std::strerror(errno)};
  }
  tmp_.clear();
  const auto slash = path_.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path_.substr(0, slash + 1);
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Done{};
}

}  // namespace rdv::trace
