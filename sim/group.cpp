// sim/group.cpp — errgroup.
//
// errgroup.go, line by line: Go() is wg.Add(1) then `go func() { defer wg.Done(); if err := f();
// err != nil { errOnce.Do(record and cancel) } }()`; Wait() is wg.Wait(), cancel, return err.
// The WaitGroup is a real one (its events show in the stream), so the Sync panel shows how many
// functions are still running and the task blocked in wait() waits on it. mu_ is never held
// across a sync point: record() releases it before cancelling the context.
#include "sim/group.h"

#include <utility>

namespace rdv::sim {

Group::Group(Private, Runtime& rt, ObjId id, std::string name, Context::WithCancel ctx)
    : rt_(rt),
      id_(id),
      name_(std::move(name)),
      ctx_(std::move(ctx.ctx)),
      cancel_(std::move(ctx.cancel)),
      wg_(rt, name_ + ".wg") {}

std::shared_ptr<Group> Group::make(Runtime& rt, Context::Ptr parent, std::string name) {
  const ObjId id = rt.new_object_id();
  if (name.empty()) name = "group" + std::to_string(id);
  if (!parent) parent = Context::background(rt);
  auto g =
      std::make_shared<Group>(Private{}, rt, id, name, Context::with_cancel(parent, name + ".ctx"));
  rt.emit_make(EventKind::GroupMake, id, g->name_, 0, g->ctx_->id());
  return g;
}

TaskId Group::go(Fn fn, std::string task_name, std::uint32_t first_line) {
  wg_.add(1);
  if (task_name.empty()) {
    HostLock lk(mu_);
    task_name = name_ + "#" + std::to_string(++spawned_);
  }
  return rt_.go(
      std::move(task_name),
      [self = shared_from_this(), fn = std::move(fn)] {
        if (std::optional<GroupFailure> err = fn()) self->record(*err);
        self->wg_.done();
      },
      first_line);
}

void Group::record(const GroupFailure& f) {
  {
    HostLock lk(mu_);
    if (err_) return;
    err_ = f;
    Event e;
    e.kind = EventKind::GroupError;
    e.obj = id_;
    e.val = f.display;
    rt_.emit(e);
  }
  cancel_();
}

std::optional<GroupFailure> Group::wait() {
  wg_.wait();
  cancel_();
  HostLock lk(mu_);
  return err_;
}

}  // namespace rdv::sim
