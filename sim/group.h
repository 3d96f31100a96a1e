// sim/group.h — errgroup.WithContext: tasks that share a context; the first error cancels it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sim/channel.h"  // Value
#include "sim/context.h"
#include "sim/lock.h"
#include "sim/runtime.h"
#include "sim/wait_group.h"

namespace rdv::sim {

// An error a group's function returned: the script's value and its display (GroupError's val).
struct GroupFailure {
  Value error;
  Val display;
};

// Group: golang.org/x/sync/errgroup's Group made WithContext(parent), built as errgroup is: a
// WaitGroup, a derived context and the first error.
//
//  - make(rt, parent, name): the group's context is with_cancel(parent) (a new background root
//    when parent is null). Emits CtxMake, ChanMake (its done), WgMake ("<name>.wg") and
//    GroupMake (aux = the context).
//  - go(fn, task_name): a sync point (the WaitGroup's add(1)); spawns a task that runs fn. When
//    fn returns an error and it is the group's first, it is recorded (GroupError, val = its
//    display) and the context is cancelled ("context canceled"), so siblings watching
//    context()->done() stop. A task default name is "<name>#k".
//  - wait(): waits for every function to return, cancels the context (as errgroup's Wait does),
//    and returns the first error (nullopt when none).
//  - a panic or abort escaping fn ends the run, as an uncaught panic in a goroutine does in Go.
//  - the group is shared by its tasks: hold it by the shared_ptr make() returns.
//
// Example:
//   auto g = Group::make(rt);
//   g->go([&]() -> std::optional<GroupFailure> { return fetch(g->context()); });
//   if (auto err = g->wait()) report(err->display);
class Group : public std::enable_shared_from_this<Group> {
  struct Private {};

 public:
  using Fn = std::function<std::optional<GroupFailure>()>;

  static std::shared_ptr<Group> make(Runtime& rt, Context::Ptr parent = nullptr,
                                     std::string name = {});

  TaskId go(Fn fn, std::string task_name = {}, std::uint32_t first_line = 0);
  std::optional<GroupFailure> wait();

  const Context::Ptr& context() const noexcept { return ctx_; }
  ObjId id() const noexcept { return id_; }
  const std::string& name() const noexcept { return name_; }

  Group(Private, Runtime& rt, ObjId id, std::string name, Context::WithCancel ctx);

 private:
  void record(const GroupFailure& f);

  Runtime& rt_;
  const ObjId id_;
  const std::string name_;
  const Context::Ptr ctx_;            // the group's context
  const Context::CancelFunc cancel_;  // cancels ctx_
  WaitGroup wg_;                      // one per function still running
  HostMutex mu_;                      // never held across a sync point (group.cpp)
  std::optional<GroupFailure> err_ RDV_GUARDED_BY(mu_);  // the first error (errgroup's errOnce)
  std::uint64_t spawned_ RDV_GUARDED_BY(mu_) = 0;        // for default task names
};

}  // namespace rdv::sim
