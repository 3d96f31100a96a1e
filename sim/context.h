// sim/context.h — Go's context package: a tree of cancellation scopes with deadlines.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/channel.h"
#include "sim/lock.h"
#include "sim/runtime.h"

namespace rdv::sim {

// Context: a node of a cancellation tree (context.Context).
//
// States: Active, Cancelled (err() says why). Active → Cancelled once; the first cancellation
// wins, later ones (a second cancel(), the deadline firing after a cancel) change nothing.
//
//  - background(rt): a root that is never cancelled; done() is the nil channel (null), as in
//    Go. Each call makes a new root object (CtxMake, kind "background").
//  - with_cancel(parent): a child and its CancelFunc. The CancelFunc is a sync point; it cancels
//    the child and every descendant with "context canceled". Idempotent.
//  - with_deadline(parent, t) / with_timeout(parent, d) = with_deadline(parent, now() + d): the
//    same, and at virtual/wall time t a timer cancels it with "context deadline exceeded". A
//    deadline later than the parent's is the parent's (Go returns WithCancel then); a deadline
//    already passed gives a child born cancelled.
//  - cancelling a context cancels all its descendants with its error; it never touches its
//    parent. A child of a cancelled parent is born cancelled with the parent's error.
//  - done(): a channel (cap 0, name "<ctx>.done", owner = this context) closed on cancel; made
//    with the context, so its id is deterministic.
//  - err(): a sync point; "" while done() is open, then "context canceled" or "context deadline
//    exceeded" (Go: Err is nil until Done is closed).
//  - with_cancel_cause / with_timeout_cause: the CancelFunc takes a cause (Go 1.20's
//    CancelCauseFunc; cancel(0) is the plain cancel). The cause is an
//    opaque key (the script keeps the value it stands for); 0 is none. It travels with the
//    cascade as the error does: a descendant cancelled by it, or born of a context it
//    cancelled, has the same cause; a deadline or a plain cancel has none. cause() is 0 until
//    done() is closed (as err()), then the key of the cancellation that reached this context
//    (Go's Cause: the cause, or Err() when there was none).
//  - events: CtxMake (aux = parent, arg = deadline or -1, text = kind: "background",
//    "with_cancel", "with_timeout", "with_deadline"; val = the context's name, "ctx<id>" when
//    none was given); one CtxCancel per context cancelled
//    (text = err, aux = the context whose cancellation started the cascade) in depth-first
//    order: a context before its children, siblings in creation order; then the ChanClose of
//    each done channel, in the same order. A CtxCancel's task is the canceller, 0 for a timer.
//  - after_func(ctx, name, fn): Go 1.21's AfterFunc. Registers fn to run in a task of its own
//    once ctx is done; registrations are independent. No task exists before: the cancellation
//    that reaches ctx (its CancelFunc, its deadline, an ancestor's cascade) spawns one task per
//    registered func, named `name`, after the done channels of the cascade are closed; the
//    canceller is its parent (0 for a deadline timer). On a context already cancelled the task
//    is spawned at once (once its done channel is closed); on background, never. The returned
//    StopFunc breaks the association: true when it stopped fn from being started, false when
//    fn was started already or stop was called before (Go's once). Both are sync points. A
//    spawn past max_tasks is the canceller's RunError (a deadline's ends the run as one).
//  - construct and cancel from task threads of `rt` (the deadline timer cancels from timer
//    context); contexts must not be used after their Runtime is gone.
//
// Example:
//   auto [ctx, cancel] = Context::with_timeout(Context::background(rt), 2'000'000'000);
//   rt.go("worker", [ctx = ctx] { ... select on ctx->done() ... });
//   cancel();  // or the deadline fires
class Context {
  struct Private {};  // constructor key: contexts are made by the factories below

 public:
  using Ptr = std::shared_ptr<Context>;
  using CancelFunc = std::function<void()>;
  using CancelCauseFunc = std::function<void(std::int64_t cause)>;
  using StopFunc = std::function<bool()>;  // AfterFunc's stop
  struct WithCancel {
    Ptr ctx;
    CancelFunc cancel;
  };
  struct WithCancelCause {  // Go's WithCancelCause: the CancelFunc takes a cause key
    Ptr ctx;
    CancelCauseFunc cancel;
  };

  static constexpr const char* kCanceled = "context canceled";
  static constexpr const char* kDeadlineExceeded = "context deadline exceeded";

  // `name`: what the views call it; a Go program's is "context.Background" (its String()).
  static Ptr background(Runtime& rt, std::string name = "background");
  static WithCancel with_cancel(const Ptr& parent, std::string name = {});
  static WithCancel with_timeout(const Ptr& parent, Nanos timeout, std::string name = {});
  static WithCancel with_deadline(const Ptr& parent, Nanos deadline, std::string name = {});
  // The same with a CancelFunc that takes a cause key (cancel(0) is the plain cancel).
  static WithCancelCause with_cancel_cause(const Ptr& parent, std::string name = {});
  static WithCancelCause with_timeout_cause(const Ptr& parent, Nanos timeout,
                                            std::string name = {});

  // Go's AfterFunc(ctx, fn): see the contract above. `first_line`: fn's first line (Runtime::go).
  static StopFunc after_func(const Ptr& ctx, std::string name, TaskFn fn,
                             std::uint32_t first_line = 0);

  std::string err();
  // The cause key of the cancellation that reached this context; 0 while done() is open, or
  // when it had none (a plain cancel, a deadline).
  std::int64_t cause();
  // The done channel; null (Go's nil channel) for a background context.
  const std::shared_ptr<Channel>& done() const noexcept { return done_; }
  std::optional<Nanos> deadline() const noexcept { return deadline_; }

  ObjId id() const noexcept { return id_; }
  ObjId parent_id() const noexcept { return parent_id_; }
  const std::string& name() const noexcept { return name_; }
  bool cancelled() const;  // a snapshot (cancellation decided; done() may close just after)

  Context(Private, Runtime& rt, ObjId id, std::string name, ObjId parent_id,
          std::optional<Nanos> deadline);
  ~Context();  // iterative: a chain of thousands of children is no recursion
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

 private:
  // The lock shared by every context of one tree (context.cpp says why one per tree). Before
  // the channels' and the runtime's locks (runtime.h).
  struct Tree {
    HostMutex mu;
  };
  // One AfterFunc registration. States: Pending (on its context's after_ list, or on none for
  // background), then Started or Stopped, once (`settled`: Go's sync.Once in afterFuncCtx).
  struct AfterFunc {
    std::string name;              // the task's name
    TaskFn fn;                     // moved out when started; dropped when stopped
    std::uint32_t first_line = 0;  // the task's first line (TaskSpawn's aux)
    bool settled = false;          // started or stopped; guarded by the context's Tree::mu
  };
  using AfterFuncs = std::vector<std::shared_ptr<AfterFunc>>;

  // Makes a child of `parent` (the factories' common part).
  static WithCancelCause make_child(const Ptr& parent, std::string name, const char* kind,
                                    std::optional<Nanos> own_deadline);
  static WithCancel plain(WithCancelCause w);
  // The CancelFunc and the deadline timer: a sync point (none in timer context), then cancels
  // this context and its subtree and detaches it from its parent. No-op if cancelled already.
  void cancel(const char* err, std::int64_t cause = 0);
  // With tree_->mu held: marks this subtree cancelled (CtxCancel events, parent first; no
  // recursion, however deep the tree), collects the done channels to close, the children
  // taken off their parents, to destroy, and the after-funcs to start, in cascade order, once
  // the lock is released.
  void cancel_locked(const char* err, ObjId origin, std::int64_t cause,
                     std::vector<std::shared_ptr<Channel>>* to_close, std::vector<Ptr>* detached,
                     AfterFuncs* to_start) RDV_REQUIRES(tree_->mu);
  // Spawns a task for each of `fs` (taken out of their lists, settled): the cascade's end.
  void start_after_funcs(AfterFuncs& fs);

  Runtime& rt_;
  const ObjId id_;
  const std::string name_;
  const ObjId parent_id_;                // 0 for a root
  const std::optional<Nanos> deadline_;  // effective deadline (the earlier of own and parent's)
  std::shared_ptr<Channel> done_;        // null for a root; set once at creation
  std::shared_ptr<Tree> tree_;           // set once at creation
  const char* err_ RDV_GUARDED_BY(tree_->mu) = nullptr;      // kCanceled / kDeadlineExceeded
  ObjId cancel_origin_ RDV_GUARDED_BY(tree_->mu) = 0;        // whose cancellation reached this one
  std::int64_t cause_ RDV_GUARDED_BY(tree_->mu) = 0;         // that cancellation's cause key
  std::weak_ptr<Context> parent_ RDV_GUARDED_BY(tree_->mu);  // to detach from it when cancelled
  std::vector<Ptr> children_ RDV_GUARDED_BY(tree_->mu);      // active children, creation order
  std::optional<Runtime::TimerId> timer_ RDV_GUARDED_BY(tree_->mu);  // pending deadline timer
  AfterFuncs after_ RDV_GUARDED_BY(tree_->mu);  // pending AfterFunc registrations, in order
};

}  // namespace rdv::sim
