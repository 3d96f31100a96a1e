// sim/context.cpp — the context tree.
//
// One mutex per tree (Tree::mu, shared by a root and all its descendants) protects every
// context's cancellation state, children and parent link. Go has one mutex per context and locks
// parent then child; a tree-wide lock gives the same outcome with a simpler argument: a cascade
// runs as one critical section, so its CtxCancel events come out parent first, children in
// creation order, and two cascades (a cancel() racing the deadline timer in live mode) cannot
// interleave. Lock order: Tree::mu, then the runtime's timer lock (add_timer/cancel_timer).
//
// The done channels are closed after Tree::mu is released, in cascade order: Channel::close() is
// a sync point in controlled mode, and holding a lock across a sync point would let the next task
// block on it with the baton. Between deciding and closing, err() still answers "" — it reports
// the error only once done() is closed, which is Go's contract ("If Done is not yet closed, Err
// returns nil"), and the first cancellation still wins because err_ is decided under the lock.
//
// AfterFunc. Go's afterFuncCtx is a child cancelCtx whose cancel does `go f()` under a once; here
// a registration is a record on its context's after_ list, which the cascade empties into the
// tasks it starts. They are spawned after the cascade's done channels are closed, so f never
// sees its context live (the first thing a typical f does is read ctx.Err()). Go spawns under
// the once, so there stop() returning false means the goroutine exists; here the record settles
// when the cancellation is decided and its task is spawned by the same canceller right after the
// closes, which are sync points: a stop() another task makes in between returns false a moment
// before the task is counted. Registering on a context whose cancellation is decided but whose
// done is not closed yet waits for the close, as Go's AfterFunc waits on the parent's lock while
// its cancel runs. The record's fn is a prepared task body (the script layer's Lua thread is made
// at registration; its stack is charged when the task starts, as memory already taken), so
// starting it needs no interpreter and cannot fail for memory in timer context; only max_tasks
// can refuse it.
//
// Ownership: a parent owns its active children (Go's children map), a child points back weakly;
// the deadline timer's callback owns its context until it fires or is cancelled; the CancelFunc
// owns its context. No cycle, so ASan's leak check stays quiet whether or not a scenario calls
// its cancel functions.
#include "sim/context.h"

#include <cassert>
#include <string_view>
#include <utility>

namespace rdv::sim {

Context::Context(Private, Runtime& rt, ObjId id, std::string name, ObjId parent_id,
                 std::optional<Nanos> deadline)
    : rt_(rt), id_(id), name_(std::move(name)), parent_id_(parent_id), deadline_(deadline) {}

namespace {

void emit_make(Runtime& rt, ObjId id, ObjId parent, std::optional<Nanos> deadline, const char* kind,
               std::string_view name) {
  Event e;
  e.kind = EventKind::CtxMake;
  e.obj = id;
  e.val.set(name);
  e.aux = parent;
  e.arg = deadline ? *deadline : -1;
  e.text = rt.intern(kind);
  rt.emit(e);
}

void close_all(const std::vector<std::shared_ptr<Channel>>& channels) {
  for (const auto& ch : channels) ch->close();
}

}  // namespace

Context::Ptr Context::background(Runtime& rt, std::string name) {
  const ObjId id = rt.new_object_id();
  auto c = std::make_shared<Context>(Private{}, rt, id, std::move(name), 0, std::nullopt);
  c->tree_ = std::make_shared<Tree>();
  emit_make(rt, id, 0, std::nullopt, "background", c->name_);
  return c;
}

Context::WithCancel Context::plain(WithCancelCause w) {
  return WithCancel{std::move(w.ctx), [f = std::move(w.cancel)] { f(0); }};
}

Context::WithCancel Context::with_cancel(const Ptr& parent, std::string name) {
  return plain(with_cancel_cause(parent, std::move(name)));
}

Context::WithCancel Context::with_timeout(const Ptr& parent, Nanos timeout, std::string name) {
  return plain(with_timeout_cause(parent, timeout, std::move(name)));
}

Context::WithCancel Context::with_deadline(const Ptr& parent, Nanos deadline, std::string name) {
  return plain(make_child(parent, std::move(name), "with_deadline", deadline));
}

Context::WithCancelCause Context::with_cancel_cause(const Ptr& parent, std::string name) {
  return make_child(parent, std::move(name), "with_cancel", std::nullopt);
}

Context::WithCancelCause Context::with_timeout_cause(const Ptr& parent, Nanos timeout,
                                                     std::string name) {
  assert(parent && "with_timeout: null parent");
  return make_child(parent, std::move(name), "with_timeout", parent->rt_.now() + timeout);
}

Context::WithCancelCause Context::make_child(const Ptr& parent, std::string name, const char* kind,
                                             std::optional<Nanos> own_deadline) {
  assert(parent && "context: null parent");
  Runtime& rt = parent->rt_;
  const ObjId id = rt.new_object_id();
  // Go: a deadline later than the parent's changes nothing — the parent's cascade comes first.
  std::optional<Nanos> deadline = parent->deadline_;
  const bool own_timer = own_deadline && (!deadline || *own_deadline < *deadline);
  if (own_timer) deadline = own_deadline;

  auto c = std::make_shared<Context>(Private{}, rt, id,
                                     name.empty() ? "ctx" + std::to_string(id) : std::move(name),
                                     parent->id_, deadline);
  c->tree_ = parent->tree_;
  emit_make(rt, id, parent->id_, deadline, kind, c->name_);
  c->done_ = std::make_shared<Channel>(rt, 0, c->name_ + ".done", id);

  std::vector<std::shared_ptr<Channel>> to_close;
  std::vector<Ptr> detached;
  AfterFuncs none;  // a new context has no after-funcs yet
  {
    HostLock lk(c->tree_->mu);
    parent->tree_->mu.assert_held();  // the same tree, so the same lock
    if (parent->err_ != nullptr) {
      // Born cancelled, as part of the cascade that reached the parent.
      c->cancel_locked(parent->err_, parent->cancel_origin_, parent->cause_, &to_close, &detached,
                       &none);
    } else if (own_timer && *deadline <= rt.now()) {
      c->cancel_locked(kDeadlineExceeded, id, 0, &to_close, &detached, &none);
    } else {
      c->parent_ = parent;
      parent->children_.push_back(c);
      if (own_timer) {
        c->timer_ = rt.add_timer(*deadline, [c, &rt] {
          // Timer context: no task to throw to. The after-funcs it starts may pass max_tasks.
          try {
            c->cancel(kDeadlineExceeded);
          } catch (const RunError& e) {
            rt.fail(e.what());
          } catch (const Aborted&) {
            // The run is ending: nothing more starts.
          }
        });
      }
    }
  }
  close_all(to_close);
  return WithCancelCause{c, [c](std::int64_t cause) { c->cancel(kCanceled, cause); }};
}

void Context::cancel(const char* err, std::int64_t cause) {
  rt_.sched_point();
  std::vector<std::shared_ptr<Channel>> to_close;
  std::vector<Ptr> detached;  // destroyed after the lock is released (~Context takes it)
  AfterFuncs to_start;
  {
    HostLock lk(tree_->mu);
    if (err_ != nullptr) return;  // the first cancellation won
    if (const Ptr parent = parent_.lock()) {
      assert(parent->tree_ == tree_);
      parent->tree_->mu.assert_held();
      // The caller (CancelFunc or timer) holds a reference: erasing ours does not destroy us.
      std::erase_if(parent->children_, [this](const Ptr& p) { return p.get() == this; });
    }
    cancel_locked(err, id_, cause, &to_close, &detached, &to_start);
  }
  close_all(to_close);
  start_after_funcs(to_start);
}

void Context::start_after_funcs(AfterFuncs& fs) {
  for (auto& f : fs) {
    TaskFn fn = std::move(f->fn);  // settled: nobody else touches fn any more
    rt_.go(f->name, std::move(fn), f->first_line);
  }
}

Context::StopFunc Context::after_func(const Ptr& ctx, std::string name, TaskFn fn,
                                      std::uint32_t first_line) {
  assert(ctx && "after_func: null context");
  ctx->rt_.sched_point();
  auto f = std::make_shared<AfterFunc>();
  f->name = std::move(name);
  f->fn = std::move(fn);
  f->first_line = first_line;
  bool start_now = false;
  {
    HostLock lk(ctx->tree_->mu);
    if (ctx->err_ != nullptr) {
      f->settled = true;
      start_now = true;
    } else if (ctx->done_) {  // background is never done: its registrations wait forever
      ctx->after_.push_back(f);
    }
  }
  if (start_now) {
    // Decided but maybe not closed yet (the canceller is between its closes): wait for it.
    if (!ctx->done_->closed()) ctx->done_->recv();
    AfterFuncs one{f};
    ctx->start_after_funcs(one);
  }
  return [ctx, f]() -> bool {
    ctx->rt_.sched_point();
    TaskFn dropped;  // destroyed outside the lock
    {
      HostLock lk(ctx->tree_->mu);
      if (f->settled) return false;
      f->settled = true;
      std::erase(ctx->after_, f);
      dropped = std::move(f->fn);
    }
    return true;
  };
}

void Context::cancel_locked(const char* err, ObjId origin, std::int64_t cause,
                            std::vector<std::shared_ptr<Channel>>* to_close,
                            std::vector<Ptr>* detached, AfterFuncs* to_start) {
  // Iterative, depth first, each context before its children in creation order (the order of
  // the CtxCancel events): a script can chain thousands of contexts (with_cancel in a loop), and
  // a recursion that deep overflows a task's stack. The children leave their parents' lists
  // into `detached`, which the caller destroys once the tree's lock is released.
  std::vector<Context*> todo{this};
  while (!todo.empty()) {
    Context* c = todo.back();
    todo.pop_back();
    assert(c->tree_ == tree_);
    c->tree_->mu.assert_held();  // one lock per tree
    if (c->err_ != nullptr) continue;
    c->err_ = err;
    c->cancel_origin_ = origin;
    c->cause_ = cause;
    c->parent_.reset();
    Event e;
    e.kind = EventKind::CtxCancel;
    e.obj = c->id_;
    e.aux = origin;
    e.text = rt_.intern(err);
    rt_.emit(e);
    if (c->timer_) {
      rt_.cancel_timer(*c->timer_);  // false when it is the timer firing: fine
      c->timer_.reset();
    }
    if (c->done_) to_close->push_back(c->done_);
    for (auto& f : c->after_) {
      f->settled = true;
      to_start->push_back(std::move(f));
    }
    c->after_.clear();
    for (auto it = c->children_.rbegin(); it != c->children_.rend(); ++it)
      todo.push_back(it->get());
    for (Ptr& child : c->children_) detached->push_back(std::move(child));
    c->children_.clear();  // Go: c.children = nil
  }
}

Context::~Context() {
  // Nobody cancelled a long chain: destroying its root would destroy each child from inside its
  // parent's destructor, as deep as the chain. Take the subtree apart level by level instead. A
  // child whose last owner is this list cannot be reached by anyone else (weak parent links are
  // only locked under the tree's lock, as here), and is destroyed with no children left.
  if (children_.empty()) return;
  std::vector<Ptr> pending = std::move(children_);
  while (!pending.empty()) {
    Ptr c = std::move(pending.back());
    pending.pop_back();
    {
      HostLock lk(tree_->mu);
      c->tree_->mu.assert_held();  // one lock per tree
      if (c.use_count() == 1) {
        for (Ptr& g : c->children_) pending.push_back(std::move(g));
        c->children_.clear();
      }
    }
    c.reset();  // outside the lock: its destructor may take it
  }
}

std::string Context::err() {
  rt_.sched_point();
  if (!done_ || !done_->closed()) return {};
  HostLock lk(tree_->mu);
  return err_ != nullptr ? err_ : "";
}

std::int64_t Context::cause() {
  if (!done_ || !done_->closed()) return 0;
  HostLock lk(tree_->mu);
  return err_ != nullptr ? cause_ : 0;
}

bool Context::cancelled() const {
  HostLock lk(tree_->mu);
  return err_ != nullptr;
}

}  // namespace rdv::sim
