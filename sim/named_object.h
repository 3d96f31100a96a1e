// sim/named_object.h — what the named sync objects share (Mutex, RWMutex, WaitGroup, Atomic).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "sim/runtime.h"

namespace rdv::sim {

// The runtime an object belongs to, its id (Runtime::new_object_id) and its name: the one given,
// or "<prefix><id>" ("mu3", "wg7") when that is empty. Not copyable: tasks wait on an object by
// its address. The derived object emits its make event (Runtime::emit_make) with these.
class NamedObject {
 public:
  NamedObject(const NamedObject&) = delete;
  NamedObject& operator=(const NamedObject&) = delete;

  ObjId id() const noexcept { return id_; }
  const std::string& name() const noexcept { return name_; }

 protected:
  NamedObject(Runtime& rt, std::string name, std::string_view prefix)
      : rt_(rt),
        id_(rt.new_object_id()),
        name_(name.empty() ? std::string(prefix) + std::to_string(id_) : std::move(name)) {}
  ~NamedObject() = default;

  Runtime& rt_;
  const ObjId id_;
  const std::string name_;
};

}  // namespace rdv::sim
