// The trace reader. Hostile input is the design case: every byte is checked by a small strict
// JSON scanner written for flat objects (the event lines), which is also several times faster
// than building a DOM per line; a line is never longer than kMaxLineBytes in memory; numbers
// are range-checked for their field; nesting inside ignored fields is bounded.
//
// Passes per line: 1. find the line (bounded); 2. scan the object field by field into the
// Event; 3. validate it against what the stream has introduced so far (tasks, objects and
// their types), so that everything downstream (the model, the UI, the Perfetto export) may
// assume a well-formed stream.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "sim/enum_table.h"
#include "trace/json_text.h"
#include "trace/sha256.h"
#include "trace/trace.h"

namespace rdv::trace {
namespace {

using sim::EventKind;

// ---- 1. lines -------------------------------------------------------------------------------

class MemoryLines {
 public:
  explicit MemoryLines(std::string_view text) : text_(text) {}
  // Returns false at the end; sets *too_long instead of returning an over-limit line.
  bool next(std::string_view* line, bool* too_long, std::string*) {
    if (pos_ >= text_.size()) return false;
    const auto* nl =
        static_cast<const char*>(std::memchr(text_.data() + pos_, '\n', text_.size() - pos_));
    const std::size_t end = nl ? static_cast<std::size_t>(nl - text_.data()) : text_.size();
    *line = text_.substr(pos_, end - pos_);
    *too_long = line->size() > kMaxLineBytes;
    pos_ = end + 1;
    return true;
  }
  std::size_t size_hint() const { return text_.size(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

class FileLines {
 public:
  explicit FileLines(int fd) : fd_(fd) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) size_ = static_cast<std::size_t>(st.st_size);
  }
  bool next(std::string_view* line, bool* too_long, std::string* io_error) {
    *too_long = false;
    for (;;) {
      const char* nl = static_cast<const char*>(
          std::memchr(buf_.data() + begin_ + scanned_, '\n', end_ - begin_ - scanned_));
      if (nl) {
        const auto len = static_cast<std::size_t>(nl - (buf_.data() + begin_));
        *line = std::string_view(buf_.data() + begin_, len);
        *too_long = len > kMaxLineBytes;
        begin_ += len + 1;
        scanned_ = 0;
        return true;
      }
      scanned_ = end_ - begin_;
      if (scanned_ > kMaxLineBytes) {
        // Report it now, without reading the rest of the line.
        *too_long = true;
        *line = {};
        return true;
      }
      if (eof_) {
        if (begin_ == end_) return false;
        *line = std::string_view(buf_.data() + begin_, end_ - begin_);
        begin_ = end_;
        scanned_ = 0;
        return true;
      }
      // Move the partial line to the front, then read another chunk after it.
      if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
      }
      if (buf_.size() < end_ + kChunk) buf_.resize(end_ + kChunk);
      const ssize_t n = ::read(fd_, buf_.data() + end_, kChunk);
      if (n < 0) {
        if (errno == EINTR) continue;
        *io_error = std::strerror(errno);
        return false;
      }
      if (n == 0) eof_ = true;
      end_ += static_cast<std::size_t>(n);
    }
  }
  std::size_t size_hint() const { return size_; }

 private:
  static constexpr std::size_t kChunk = std::size_t{1} << 20;
  int fd_;
  std::vector<char> buf_ = std::vector<char>(kChunk);
  std::size_t begin_ = 0, end_ = 0;  // unconsumed bytes are [begin_, end_)
  std::size_t scanned_ = 0;          // bytes after begin_ known to hold no '\n'
  bool eof_ = false;
  std::size_t size_ = 0;
};

// ---- 2. a strict JSON scanner for one line --------------------------------------------------

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  const std::string& error() const { return err_; }
  bool fail(std::string msg) {
    if (err_.empty()) err_ = std::move(msg);
    return false;
  }
  void ws() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) {
      ++i_;
    }
  }
  bool at_end() {
    ws();
    return i_ == s_.size();
  }
  bool peek(char c) {
    ws();
    return i_ < s_.size() && s_[i_] == c;
  }
  bool consume(char c) {
    if (!peek(c)) return false;
    ++i_;
    return true;
  }
  bool expect(char c, const char* what) {
    if (consume(c)) return true;
    return fail(std::string("expected ") + what);
  }

  // A string into `out` (a view of the input when it has no escapes, else of `scratch`).
  bool string(std::string_view* out, std::string& scratch) {
    ws();
    if (i_ >= s_.size() || s_[i_] != '"') return fail("expected a string");
    ++i_;
    const std::size_t start = i_;
    bool simple = true;
    for (;;) {
      if (i_ >= s_.size()) return fail("unterminated string");
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') break;
      if (c == '\\') {
        simple = false;
        break;
      }
      if (c < 0x20) return fail("control character in a string");
      if (c >= 0x80) {
        const std::size_t n = json::utf8_sequence(s_, i_);
        if (n == 0) return fail("invalid UTF-8 in a string");
        i_ += n;
      } else {
        ++i_;
      }
    }
    if (simple) {
      *out = s_.substr(start, i_ - start);
      ++i_;
      return true;
    }
    scratch.assign(s_.data() + start, i_ - start);
    while (true) {
      if (i_ >= s_.size()) return fail("unterminated string");
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') break;
      if (c < 0x20) return fail("control character in a string");
      if (c >= 0x80) {
        const std::size_t n = json::utf8_sequence(s_, i_);
        if (n == 0) return fail("invalid UTF-8 in a string");
        scratch.append(s_.data() + i_, n);
        i_ += n;
        continue;
      }
      if (c != '\\') {
        scratch += static_cast<char>(c);
        ++i_;
        continue;
      }
      if (++i_ >= s_.size()) return fail("unterminated string");
      const char e = s_[i_++];
      switch (e) {
        case '"':
          scratch += '"';
          break;
        case '\\':
          scratch += '\\';
          break;
        case '/':
          scratch += '/';
          break;
        case 'b':
          scratch += '\b';
          break;
        case 'f':
          scratch += '\f';
          break;
        case 'n':
          scratch += '\n';
          break;
        case 'r':
          scratch += '\r';
          break;
        case 't':
          scratch += '\t';
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo = 0;
            if (i_ + 1 >= s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') {
              return fail("unpaired UTF-16 surrogate in a string");
            }
            i_ += 2;
            if (!hex4(&lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF) return fail("unpaired UTF-16 surrogate in a string");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC80 && cp <= 0xDCFF) {
            // A byte that is not UTF-8, escaped by the writer (json_text.h, Bytes::Escape).
            scratch += static_cast<char>(cp - 0xDC00);
            break;
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail("unpaired UTF-16 surrogate in a string");
          }
          append_utf8(scratch, cp);
          break;
        }
        default:
          return fail("invalid escape in a string");
      }
    }
    ++i_;
    *out = scratch;
    return true;
  }

  // The text of a JSON number (grammar checked); *is_int when it has no fraction or exponent.
  bool number(std::string_view* text, bool* is_int) {
    ws();
    const std::size_t start = i_;
    *is_int = true;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !digit(s_[i_])) return fail("expected a number");
    if (s_[i_] == '0') {
      ++i_;
    } else {
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      *is_int = false;
      ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return fail("malformed number");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      *is_int = false;
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return fail("malformed number");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    *text = s_.substr(start, i_ - start);
    return true;
  }

  // An integer in [lo, hi] for the field `name`.
  template <class Int>
  bool integer(Int* out, std::string_view name) {
    std::string_view text;
    bool is_int = false;
    if (!peek_number()) return fail("field \"" + std::string(name) + "\": expected an integer");
    if (!number(&text, &is_int)) return false;
    if (!is_int) return fail("field \"" + std::string(name) + "\": expected an integer");
    Int v{};
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
      return fail("field \"" + std::string(name) + "\": " + std::string(text.substr(0, 40)) +
                  " is out of range");
    }
    *out = v;
    return true;
  }

  bool real(double* out, std::string_view name) {
    std::string_view text;
    bool is_int = false;
    if (!peek_number()) return fail("field \"" + std::string(name) + "\": expected a number");
    if (!number(&text, &is_int)) return false;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), *out);
    if (r.ec != std::errc()) {
      return fail("field \"" + std::string(name) + "\": number out of range");
    }
    return true;
  }

  bool boolean(bool* out, std::string_view name) {
    ws();
    if (s_.substr(i_, 4) == "true") {
      i_ += 4;
      *out = true;
      return true;
    }
    if (s_.substr(i_, 5) == "false") {
      i_ += 5;
      *out = false;
      return true;
    }
    return fail("field \"" + std::string(name) + "\": expected true or false");
  }

  bool text_field(std::string* out, std::string_view name, std::string& scratch) {
    std::string_view v;
    if (!peek('"')) return fail("field \"" + std::string(name) + "\": expected a string");
    if (!string(&v, scratch)) return false;
    out->assign(v);
    return true;
  }

  // Skips any JSON value (for unknown fields), nesting bounded.
  bool skip_value(int depth = 0) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    ws();
    if (i_ >= s_.size()) return fail("expected a value");
    const char c = s_[i_];
    if (c == '"') {
      std::string_view v;
      return string(&v, skip_scratch_);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      if (consume(close)) return true;
      for (;;) {
        if (c == '{') {
          std::string_view k;
          if (!string(&k, skip_scratch_) || !expect(':', "':'")) return false;
        }
        if (!skip_value(depth + 1)) return false;
        if (consume(close)) return true;
        if (!expect(',', "',' or the end of the object or array")) return false;
      }
    }
    if (s_.substr(i_, 4) == "true" || s_.substr(i_, 4) == "null") {
      i_ += 4;
      return true;
    }
    if (s_.substr(i_, 5) == "false") {
      i_ += 5;
      return true;
    }
    std::string_view t;
    bool is_int = false;
    return number(&t, &is_int);
  }

  // Walks the top-level object: on_field(key) must consume the value. Then the line must end.
  template <class F>
  bool object(F&& on_field) {
    if (!consume('{')) return fail("expected a JSON object");
    if (!consume('}')) {
      for (;;) {
        std::string_view key;
        if (!string(&key, key_scratch_)) return false;
        if (!expect(':', "':'")) return false;
        if (!on_field(key)) return false;
        if (consume('}')) break;
        if (!expect(',', "',' or '}'")) return false;
      }
    }
    if (!at_end()) return fail("text after the JSON object");
    return true;
  }

  // Walks the array that is the value of field `key`: on_item() must consume one element.
  template <class F>
  bool array(std::string_view key, F&& on_item) {
    if (!consume('[')) return fail("field \"" + std::string(key) + "\": expected an array");
    if (consume(']')) return true;
    for (;;) {
      if (!on_item()) return false;
      if (consume(']')) return true;
      if (!expect(',', "',' or ']'")) return false;
    }
  }

 private:
  static constexpr int kMaxDepth = 64;
  static bool digit(char c) { return c >= '0' && c <= '9'; }
  bool peek_number() {
    ws();
    return i_ < s_.size() && (s_[i_] == '-' || digit(s_[i_]));
  }
  bool hex4(std::uint32_t* out) {
    if (i_ + 4 > s_.size()) return fail("invalid \\u escape in a string");
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return fail("invalid \\u escape in a string");
      }
    }
    *out = v;
    return true;
  }
  static void append_utf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string err_;
  std::string key_scratch_, skip_scratch_;
};

// ---- 3. what the stream has introduced so far -----------------------------------------------

using sim::ObjKind;

// The words of the reader's errors ("object 3 is a channel, not a mutex").
constexpr auto kObjKindWords = enum_table<ObjKind, const char*, sim::kObjKindCount>(
    {"nothing", "a channel", "a timer", "a WaitGroup", "a mutex", "an atomic", "a context",
     "a future", "a group", "a Cond"});

// id -> small value; a flat array for the usual small dense ids, a map for the rest (so a
// hostile id of 4e9 costs nothing).
class IdTable {
 public:
  std::uint8_t get(std::uint32_t id) const {
    if (id < flat_.size()) return flat_[id];
    const auto it = big_.find(id);
    return it == big_.end() ? 0 : it->second;
  }
  void set(std::uint32_t id, std::uint8_t v) {
    if (id < kFlatMax) {
      if (id >= flat_.size()) flat_.resize(std::max<std::size_t>(id + 1, flat_.size() * 2), 0);
      flat_[id] = v;
    } else {
      big_[id] = v;
    }
  }

 private:
  static constexpr std::uint32_t kFlatMax = 1u << 20;
  std::vector<std::uint8_t> flat_;
  std::unordered_map<std::uint32_t, std::uint8_t> big_;
};

class Validator {
 public:
  // Returns an error message, or empty when `e` is acceptable here.
  std::string check(const sim::Event& e, std::uint64_t index) {
    if (e.seq != index) {
      return "seq " + std::to_string(e.seq) + " out of order (expected " + std::to_string(index) +
             ")";
    }
    if (e.kind == EventKind::TaskSpawn) {
      if (e.task == 0) return "TaskSpawn of task 0";
      if (tasks_.get(e.task)) return "task " + std::to_string(e.task) + " spawned twice";
      if (e.peer && !tasks_.get(e.peer)) return unknown_task(e.peer);
      tasks_.set(e.task, 1);
      return {};
    }
    if (e.task && !tasks_.get(e.task)) return unknown_task(e.task);
    if (e.kind == EventKind::VarSet && (e.task == 0 || e.text == 0 || e.arg < 0 ||
                                        e.arg > static_cast<std::int64_t>(sim::VarScope::Global))) {
      return "VarSet needs a task, a name and a scope 0-2";
    }
    if (e.kind == EventKind::TaskAt && (e.task == 0 || e.line == 0)) {
      return "TaskAt needs a task and a line";
    }
    switch (e.kind) {
      case EventKind::TaskUnblock:
      case EventKind::ChanSend:
      case EventKind::ChanRecv:
        if (e.peer && !tasks_.get(e.peer)) return unknown_task(e.peer);
        break;
      default:
        break;
    }
    if (const ObjKind made = sim::made_object(e.kind); made != ObjKind::None) {
      if (e.obj == 0) return std::string(sim::to_string(e.kind)) + " of object 0";
      if (objs_.get(e.obj)) return "object " + std::to_string(e.obj) + " made twice";
      if (e.kind == EventKind::CtxMake && e.aux) {
        if (auto err = need(static_cast<std::uint64_t>(e.aux), ObjKind::Context, "parent context");
            !err.empty()) {
          return err;
        }
      }
      if (e.kind == EventKind::CondMake) {  // arg: L's kind (sim::CondLocker::Kind)
        if (e.arg < 0 || e.arg > 3) return "CondMake with L of kind " + std::to_string(e.arg);
        if (e.arg <= 1) {  // a Mutex, an RWMutex's write or read side
          if (auto err = need(static_cast<std::uint64_t>(e.aux), ObjKind::Mutex, "aux");
              !err.empty())
            return err;
        } else if (e.aux != 0) {
          return "CondMake with an L of the program or nil names object " + std::to_string(e.aux);
        }
      }
      objs_.set(e.obj, static_cast<std::uint8_t>(made));
      return {};
    }
    switch (e.kind) {
      case EventKind::ChanSend:
      case EventKind::ChanRecv:
      case EventKind::ChanClose:
      case EventKind::SelectCase:
      case EventKind::SelectChoose:
        return e.obj ? need(e.obj, ObjKind::Chan, "obj") : std::string();
      case EventKind::TimerFire:
      case EventKind::TimerStop:
        return need(e.obj, ObjKind::Timer, "obj");
      case EventKind::WgAdd:
      case EventKind::WgWait:
        return need(e.obj, ObjKind::WaitGroup, "obj");
      case EventKind::MutexLock:
      case EventKind::MutexUnlock:
        return need(e.obj, ObjKind::Mutex, "obj");
      case EventKind::AtomicAdd:
      case EventKind::AtomicLoad:
        return need(e.obj, ObjKind::Atomic, "obj");
      case EventKind::CtxCancel: {
        auto err = need(e.obj, ObjKind::Context, "obj");
        if (err.empty() && e.aux)
          err = need(static_cast<std::uint64_t>(e.aux), ObjKind::Context, "aux");
        return err;
      }
      case EventKind::FutureSet:
      case EventKind::FutureFail:
        return need(e.obj, ObjKind::Future, "obj");
      case EventKind::GroupError:
        return need(e.obj, ObjKind::Group, "obj");
      case EventKind::CondWait:
      case EventKind::CondBroadcast:
        return need(e.obj, ObjKind::Cond, "obj");
      case EventKind::CondSignal:
        if (e.peer && !tasks_.get(e.peer)) return unknown_task(e.peer);
        return need(e.obj, ObjKind::Cond, "obj");
      case EventKind::TaskBlock:
      case EventKind::Leak:
        return check_wait(e);
      case EventKind::TaskUnblock:
        return e.obj && !objs_.get(e.obj) ? unknown_obj(e.obj) : std::string();
      default:
        return {};
    }
  }

 private:
  std::string check_wait(const sim::Event& e) {
    switch (e.reason) {
      case sim::BlockReason::ChanSend:
      case sim::BlockReason::ChanRecv:
        return e.obj ? need(e.obj, ObjKind::Chan, "obj") : std::string();
      case sim::BlockReason::WaitGroup:
        return need(e.obj, ObjKind::WaitGroup, "obj");
      case sim::BlockReason::Mutex:
      case sim::BlockReason::RLock:
        return need(e.obj, ObjKind::Mutex, "obj");
      case sim::BlockReason::Future:
        return need(e.obj, ObjKind::Future, "obj");
      case sim::BlockReason::CondWait:
        return need(e.obj, ObjKind::Cond, "obj");
      case sim::BlockReason::None:
        return e.kind == EventKind::TaskBlock ? "TaskBlock without a reason" : std::string();
      default:
        return e.obj && !objs_.get(e.obj) ? unknown_obj(e.obj) : std::string();
    }
  }
  std::string need(std::uint64_t id, ObjKind want, const char* field) {
    const auto got = id <= std::numeric_limits<std::uint32_t>::max()
                         ? static_cast<ObjKind>(objs_.get(static_cast<std::uint32_t>(id)))
                         : ObjKind::None;
    if (got == want) return {};
    if (got == ObjKind::None) return unknown_obj(id);
    return std::string(field) + ": object " + std::to_string(id) + " is " +
           kObjKindWords.at(got, "?") + ", not " + kObjKindWords.at(want, "?");
  }
  static std::string unknown_task(std::uint64_t id) {
    return "task " + std::to_string(id) + " was never spawned";
  }
  static std::string unknown_obj(std::uint64_t id) {
    return "object " + std::to_string(id) + " was never made";
  }

  IdTable tasks_, objs_;
};

// ---- the three kinds of line ----------------------------------------------------------------

bool parse_header(Scanner& sc, Header* h, std::uint64_t* events_hint) {
  bool has_rdv = false;
  std::string scratch;
  const bool ok = sc.object([&](std::string_view key) {
    if (key == "rdv") {
      has_rdv = true;
      return sc.integer(&h->version, key);
    }
    if (key == "scenario") return sc.text_field(&h->scenario, key, scratch);
    if (key == "sha256") return sc.text_field(&h->sha256, key, scratch);
    if (key == "script") return sc.text_field(&h->script, key, scratch);
    if (key == "title") return sc.text_field(&h->title, key, scratch);
    if (key == "mode") return sc.text_field(&h->mode, key, scratch);
    if (key == "policy") return sc.text_field(&h->policy, key, scratch);
    if (key == "preempt") return sc.text_field(&h->preempt, key, scratch);
    if (key == "seed") return sc.integer(&h->seed, key);
    if (key == "depth") return sc.integer(&h->depth, key);
    if (key == "decisions") return sc.integer(&h->decisions, key);
    if (key == "events") return sc.integer(events_hint, key);
    if (key == "time_scale") return sc.real(&h->time_scale, key);
    if (key == "vars") return sc.boolean(&h->vars, key);
    if (key == "run") return sc.text_field(&h->run, key, scratch);
    if (key == "max_events") {
      if (!sc.integer(&h->max_events, key)) return false;
      if (h->max_events < 1 || h->max_events > sim::RunConfig::kMaxMaxEvents) {
        return sc.fail("field \"max_events\": expected 1 to " +
                       std::to_string(sim::RunConfig::kMaxMaxEvents));
      }
      return true;
    }
    if (key == "limit_memory") {
      if (!sc.integer(&h->limit_memory, key)) return false;
      if (h->limit_memory < 16 || h->limit_memory > (std::uint64_t{1} << 20)) {
        return sc.fail("field \"limit_memory\": expected 16 to 1048576 (MiB)");
      }
      return true;
    }
    if (key == "schedule") {
      h->schedule.clear();
      return sc.array(key, [&] {
        std::uint32_t v = 0;
        if (!sc.integer(&v, key)) return false;
        h->schedule.push_back(v);
        return true;
      });
    }
    return sc.skip_value();
  });
  if (!ok) return false;
  if (!has_rdv) return sc.fail("not a rendezvous trace: the header has no \"rdv\" field");
  if (h->version < 1) return sc.fail("invalid trace format version " + std::to_string(h->version));
  if (h->version > kFormatVersion) {
    return sc.fail("trace format version " + std::to_string(h->version) +
                   " is newer than this program reads (" + std::to_string(kFormatVersion) + ")");
  }
  if (!h->sha256.empty()) {
    if (h->sha256.size() != 64 ||
        h->sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
      return sc.fail("field \"sha256\": expected 64 lowercase hex digits");
    }
    if (!h->script.empty() && sha256_hex(h->script) != h->sha256) {
      return sc.fail("the script does not match its sha256");
    }
  }
  return true;
}

// Parses an event line; sets *is_footer (and stops) when the object has an "end" field.
bool parse_event(Scanner& sc, sim::Event* e, StringTable& strings, std::string& scratch,
                 bool* is_footer) {
  *e = sim::Event{};
  bool has_seq = false, has_t = false, has_task = false, has_kind = false;
  const bool ok = sc.object([&](std::string_view key) {
    switch (key.size()) {
      case 1:
        if (key == "t") return has_t = true, sc.integer(&e->t, key);
        break;
      case 3:
        if (key == "seq") return has_seq = true, sc.integer(&e->seq, key);
        if (key == "obj") return sc.integer(&e->obj, key);
        if (key == "arg") return sc.integer(&e->arg, key);
        if (key == "aux") return sc.integer(&e->aux, key);
        if (key == "val") {
          std::string_view v;
          if (!sc.peek('"')) return sc.fail("field \"val\": expected a string");
          if (!sc.string(&v, scratch)) return false;
          e->val.set(v);
          return true;
        }
        if (key == "end") {
          *is_footer = true;
          return false;  // stop; the caller re-reads the line as the footer
        }
        break;
      case 4:
        if (key == "task") return has_task = true, sc.integer(&e->task, key);
        if (key == "kind") {
          std::string_view v;
          if (!sc.peek('"')) return sc.fail("field \"kind\": expected a string");
          if (!sc.string(&v, scratch)) return false;
          if (!sim::parse_event_kind(v, &e->kind)) {
            return sc.fail("unknown event kind \"" + std::string(v.substr(0, 40)) + "\"");
          }
          has_kind = true;
          return true;
        }
        if (key == "peer") return sc.integer(&e->peer, key);
        if (key == "line") return sc.integer(&e->line, key);
        if (key == "text") {
          std::string_view v;
          if (!sc.peek('"')) return sc.fail("field \"text\": expected a string");
          if (!sc.string(&v, scratch)) return false;
          if (v.size() > kMaxTextBytes) return sc.fail("field \"text\": longer than 1 MiB");
          e->text = strings.intern(v);
          return true;
        }
        break;
      default:
        if (key == "reason") {
          std::string_view v;
          if (!sc.peek('"')) return sc.fail("field \"reason\": expected a string");
          if (!sc.string(&v, scratch)) return false;
          if (!parse_reason_name(v, &e->reason)) {
            return sc.fail("unknown block reason \"" + std::string(v.substr(0, 40)) + "\"");
          }
          return true;
        }
        if (key == "flags") return sc.integer(&e->flags, key);
        if (key == "peer_seq") return sc.integer(&e->peer_seq, key);
        break;
    }
    return sc.skip_value();
  });
  if (*is_footer) return false;
  if (!ok) return false;
  if (!has_seq) return sc.fail("event without \"seq\"");
  if (!has_t) return sc.fail("event without \"t\"");
  if (!has_task) return sc.fail("event without \"task\"");
  if (!has_kind) return sc.fail("event without \"kind\"");
  return true;
}

bool parse_footer(Scanner& sc, Footer* f, bool* has_events) {
  bool end = false;
  std::string scratch;
  const bool ok = sc.object([&](std::string_view key) {
    if (key == "end") return sc.boolean(&end, key);
    if (key == "outcome") {
      std::string_view v;
      if (!sc.peek('"')) return sc.fail("field \"outcome\": expected a string");
      if (!sc.string(&v, scratch)) return false;
      if (!sim::parse_outcome(v, &f->outcome)) {
        return sc.fail("unknown outcome \"" + std::string(v.substr(0, 40)) + "\"");
      }
      return true;
    }
    if (key == "events") return *has_events = true, sc.integer(&f->events, key);
    if (key == "message") return sc.text_field(&f->message, key, scratch);
    if (key == "output") {
      f->output.clear();
      // Counted as the run counts what a script prints (each line and its newline), and no
      // more lines than a run's events: 20 million empty lines would otherwise cost ~1 GB.
      std::size_t bytes = 0;
      return sc.array(key, [&] {
        std::string_view v;
        if (!sc.peek('"')) return sc.fail("field \"output\": expected strings");
        if (!sc.string(&v, scratch)) return false;
        bytes += v.size() + 1;
        if (bytes > kMaxOutputBytes || f->output.size() >= kMaxOutputLines) {
          return sc.fail("field \"output\": more than " + std::to_string(kMaxOutputBytes >> 20) +
                         " MiB or " + std::to_string(kMaxOutputLines) + " lines");
        }
        f->output.emplace_back(v);
        return true;
      });
    }
    return sc.skip_value();
  });
  if (!ok) return false;
  if (!end) return sc.fail("footer: \"end\" must be true");
  return true;
}

template <class Lines>
Result<Trace> parse_lines(Lines& lines, std::string_view name) {
  const auto where = [&](std::uint64_t line, const std::string& what) {
    return Error{std::string(name) + ":" + std::to_string(line) + ": " + what};
  };
  Trace t;
  Validator validator;
  std::string scratch;
  std::string io_error;
  std::uint64_t lineno = 0;
  bool have_header = false, have_footer = false;
  std::string_view line;
  bool too_long = false;
  while (lines.next(&line, &too_long, &io_error)) {
    ++lineno;
    if (too_long) {
      return where(lineno, "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank
    if (have_footer) return where(lineno, "text after the footer line");
    Scanner sc(line);
    if (!have_header) {
      std::uint64_t hint = 0;
      if (!parse_header(sc, &t.header, &hint)) return where(lineno, sc.error());
      // Trust the hint only as far as the file's size allows (>= 40 bytes per event line).
      t.events.reserve(
          static_cast<std::size_t>(std::min<std::uint64_t>(hint, lines.size_hint() / 40 + 16)));
      have_header = true;
      continue;
    }
    sim::Event e;
    bool is_footer = false;
    if (!parse_event(sc, &e, t.strings, scratch, &is_footer)) {
      if (!is_footer) return where(lineno, sc.error());
      Scanner fs(line);
      bool has_events = false;
      if (!parse_footer(fs, &t.footer, &has_events)) return where(lineno, fs.error());
      if (!has_events) return where(lineno, "footer without \"events\"");
      if (t.footer.events != t.events.size()) {
        return where(lineno, "footer says " + std::to_string(t.footer.events) +
                                 " events, the file has " + std::to_string(t.events.size()));
      }
      have_footer = true;
      continue;
    }
    if (t.header.version < 2 &&
        (e.kind == sim::EventKind::TaskAt || (e.kind == sim::EventKind::TaskSpawn && e.aux != 0))) {
      return where(lineno,
                   std::string(e.kind == sim::EventKind::TaskAt ? "a TaskAt event"
                                                                : "a TaskSpawn with \"aux\"") +
                       " in a version 1 trace (it came with version 2)");
    }
    if (std::string err = validator.check(e, t.events.size()); !err.empty()) {
      return where(lineno, err);
    }
    t.events.push_back(e);
  }
  if (!io_error.empty()) return Error{std::string(name) + ": read failed: " + io_error};
  if (!have_header) return Error{std::string(name) + ": empty file, not a trace"};
  if (!have_footer) {
    return where(lineno, "truncated: the file ends without its footer line");
  }
  return t;
}

}  // namespace

Result<Trace> parse_trace(std::string_view text, std::string_view name) {
  MemoryLines lines(text);
  return parse_lines(lines, name);
}

Result<Trace> read_trace(const std::string& path) {
  // O_NONBLOCK: a FIFO with no writer would block the open forever. Only a regular file is read:
  // a directory, a FIFO or a device (/dev/zero never ends) is refused before any byte is.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return Error{path + ": cannot open: " + std::strerror(errno)};
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const std::string why = S_ISDIR(st.st_mode)    ? "is a directory"
                            : S_ISFIFO(st.st_mode) ? "not a regular file (a FIFO)"
                            : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
                                ? "not a regular file (a device)"
                                : "not a regular file";
    ::close(fd);
    return Error{path + ": " + why + ", not a trace"};
  }
  FileLines lines(fd);
  Result<Trace> r = parse_lines(lines, path);
  ::close(fd);
  return r;
}

}  // namespace rdv::trace
