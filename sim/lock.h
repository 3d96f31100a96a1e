// sim/lock.h — the runtime's own locks, annotated for Clang's thread-safety analysis.
//
// HostMutex is an OS mutex that protects the runtime's and the primitives' state (not Go's
// sync.Mutex, which a scenario uses: that is sim::Mutex in mutex.h). HostLock holds one for a
// scope, like std::unique_lock. With Clang, the annotations below let the compiler check the
// rules runtime.h states: a field marked RDV_GUARDED_BY(mu) is only touched with mu held, a
// function marked RDV_REQUIRES(mu) is only called with it held, one marked RDV_RELEASE(lk)
// returns with the lock released. The `tsa` preset builds sim/ with -Wthread-safety -Werror
// (tools/test.sh runs it). Other compilers see plain mutexes: the macros expand to nothing.
//
// Where the analysis cannot follow, the code says so with RDV_NO_THREAD_SAFETY_ANALYSIS and a
// reason: Runtime::park() releases the caller's lock through a callback (see park.h), and
// select and all() lock a set of objects only known at run time.
//
// Example:
//   class Counter {
//     HostMutex mu_;
//     int n_ RDV_GUARDED_BY(mu_) = 0;
//     void bump_locked() RDV_REQUIRES(mu_) { ++n_; }
//    public:
//     void bump() { HostLock lk(mu_); bump_locked(); }
//   };
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#if defined(__clang__)
#define RDV_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define RDV_THREAD_ANNOTATION(x)
#endif

#define RDV_CAPABILITY(x) RDV_THREAD_ANNOTATION(capability(x))
#define RDV_SCOPED_CAPABILITY RDV_THREAD_ANNOTATION(scoped_lockable)
#define RDV_GUARDED_BY(x) RDV_THREAD_ANNOTATION(guarded_by(x))
#define RDV_PT_GUARDED_BY(x) RDV_THREAD_ANNOTATION(pt_guarded_by(x))
#define RDV_REQUIRES(...) RDV_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define RDV_ACQUIRE(...) RDV_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RDV_RELEASE(...) RDV_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define RDV_TRY_ACQUIRE(...) RDV_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
#define RDV_EXCLUDES(...) RDV_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define RDV_ASSERT_CAPABILITY(x) RDV_THREAD_ANNOTATION(assert_capability(x))
#define RDV_NO_THREAD_SAFETY_ANALYSIS RDV_THREAD_ANNOTATION(no_thread_safety_analysis)

namespace rdv::sim {

// A std::mutex the analysis knows as a capability.
class RDV_CAPABILITY("mutex") HostMutex {
 public:
  HostMutex() = default;
  HostMutex(const HostMutex&) = delete;
  HostMutex& operator=(const HostMutex&) = delete;

  void lock() RDV_ACQUIRE() { m_.lock(); }
  void unlock() RDV_RELEASE() { m_.unlock(); }
  bool try_lock() RDV_TRY_ACQUIRE(true) { return m_.try_lock(); }
  // Tells the analysis this mutex is held where it cannot see it (the same lock reached through
  // another name, e.g. two contexts of one tree). Checks nothing at run time.
  void assert_held() const RDV_ASSERT_CAPABILITY(this) {}

 private:
  friend class HostLock;
  std::mutex m_;
};

// Holds a HostMutex from construction to destruction, and may release and retake it in between
// (lock()/unlock(), waits on a condition variable). It is itself a capability, so a function can
// promise to release the caller's lock: `void handoff(HostLock& lk) RDV_RELEASE(lk);`.
class RDV_SCOPED_CAPABILITY RDV_CAPABILITY("lock") HostLock {
 public:
  explicit HostLock(HostMutex& m) RDV_ACQUIRE(m) : lk_(m.m_) {}
  ~HostLock() RDV_RELEASE() {}  // unlocks when held (std::unique_lock's destructor)
  HostLock(const HostLock&) = delete;
  HostLock& operator=(const HostLock&) = delete;

  void lock() RDV_ACQUIRE() { lk_.lock(); }
  void unlock() RDV_RELEASE() { lk_.unlock(); }
  bool owns_lock() const noexcept { return lk_.owns_lock(); }

  // Condition variable waits: the mutex is released while waiting and held again on return.
  // A predicate that reads guarded fields says so: [&]() RDV_REQUIRES(mu_) { return ready_; }.
  void wait(std::condition_variable& cv) { cv.wait(lk_); }
  template <typename Pred>
  void wait(std::condition_variable& cv, Pred pred) {
    cv.wait(lk_, pred);
  }
  template <typename Clock, typename Duration>
  std::cv_status wait_until(std::condition_variable& cv,
                            const std::chrono::time_point<Clock, Duration>& t) {
    return cv.wait_until(lk_, t);
  }
  template <typename Rep, typename Period, typename Pred>
  bool wait_for(std::condition_variable& cv, const std::chrono::duration<Rep, Period>& d,
                Pred pred) {
    return cv.wait_for(lk_, d, pred);
  }

 private:
  std::unique_lock<std::mutex> lk_;
};

// Releases a held HostMutex for a scope and takes it back at the end (also when an exception
// leaves the scope): code that must run unlocked in the middle of a locked region, such as a
// timer callback fired by the scheduler.
class RDV_SCOPED_CAPABILITY HostUnlock {
 public:
  explicit HostUnlock(HostMutex& m) RDV_RELEASE(m) : m_(m) { m_.unlock(); }
  ~HostUnlock() RDV_RELEASE() { m_.lock(); }  // (Clang spells "take back" as releasing the scope)
  HostUnlock(const HostUnlock&) = delete;
  HostUnlock& operator=(const HostUnlock&) = delete;

 private:
  HostMutex& m_;
};

}  // namespace rdv::sim
