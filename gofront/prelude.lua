-- The support library of Go programs lowered by gofront (see prelude.h). Runs in the scenario
-- sandbox with the script API as globals; returns the table G the lowered code calls.
local G = {}
local sfmt, ssub, sbyte, schar, sfind, srep = string.format, string.sub, string.byte, string.char, string.find, string.rep
local concat, unpack, mtype, tointeger = table.concat, table.unpack, math.type, math.tointeger
local NILV = {}
local NILCH = nilchan()
G.NILCH = NILCH

-- ---- run-time panics -------------------------------------------------------------------------
local function rte(msg) error("runtime error: " .. msg, 0) end
G.rte = rte
-- Go's words for an index or a slice bound out of range (runtime/error.go): a negative one is
-- named alone, without the length, capacity or other bound.
local function bad_index(i, n)
  if i < 0 then rte("index out of range [" .. i .. "]") end
  rte("index out of range [" .. i .. "] with length " .. n)
end
-- s[lo:hi] past `n` (its length or capacity, `what`), or lo past hi.
local function check_slice(lo, hi, n, what)
  if hi < 0 then rte("slice bounds out of range [:" .. hi .. "]") end
  if hi > n then rte("slice bounds out of range [:" .. hi .. "] with " .. what .. " " .. n) end
  if lo < 0 then rte("slice bounds out of range [" .. lo .. ":]") end
  if lo > hi then rte("slice bounds out of range [" .. lo .. ":" .. hi .. "]") end
end
function G.np() rte("invalid memory address or nil pointer dereference") end
-- A pointer to a non-struct value is a box, {v = value}: the one a variable whose address is
-- taken lives in, or new(T)'s. Its metatable marks it for the Variables pane, which shows the
-- value inside (script/universe.cpp, emit_var).
local BOXMT = {__gobox = true}
function G.ref(v) return setmetatable({v = v}, BOXMT) end
-- A pointer to a non-struct field or element (&s.n, &xs[i]) is a reference to its slot: a
-- table {t = the struct or backing array, k = the key} whose v reads and writes t[k], so that
-- *p is p.v as for a box. One per slot (a weak cache), so &s.n == &s.n. A slice's growth
-- copies into a new array, and the reference stays with the old one, as Go's pointer does.
local REFS = setmetatable({}, {__mode = "k"})
local REFMT = {
  __goref = true,
  __index = function(p, name)
    if name == "v" then return rawget(p, "t")[rawget(p, "k")] end
  end,
  __newindex = function(p, name, x)
    if name == "v" then rawget(p, "t")[rawget(p, "k")] = x else rawset(p, name, x) end
  end,
}
function G.fref(t, k)
  local byk = REFS[t]
  if byk == nil then
    byk = {}
    REFS[t] = byk
  end
  local p = byk[k]
  if p == nil then
    p = setmetatable({t = t, k = k}, REFMT)
    byk[k] = p
  end
  return p
end

-- ---- integers --------------------------------------------------------------------------------
function G.idiv(a, b)
  if b == 0 then rte("integer divide by zero") end
  local q = a // b
  if q < 0 and q * b ~= a then q = q + 1 end
  return q
end
function G.imod(a, b)
  if b == 0 then rte("integer divide by zero") end
  return math.fmod(a, b)
end
function G.sar(a, n)
  if n < 0 then rte("negative shift amount") end
  if n >= 63 then return a < 0 and -1 or 0 end
  return a // (1 << n)
end
function G.w8(x) return ((x + 0x80) & 0xFF) - 0x80 end
function G.w16(x) return ((x + 0x8000) & 0xFFFF) - 0x8000 end
function G.w32(x) return ((x + 0x80000000) & 0xFFFFFFFF) - 0x80000000 end
function G.f2i(f)
  local t = f >= 0 and math.floor(f) or math.ceil(f)
  return tointeger(t) or math.mininteger
end
function G.min(a, ...)
  for i = 1, select("#", ...) do local b = select(i, ...); if b < a then a = b end end
  return a
end
function G.max(a, ...)
  for i = 1, select("#", ...) do local b = select(i, ...); if b > a then a = b end end
  return a
end

-- ---- types -----------------------------------------------------------------------------------
function G.types(n)
  local t = {}
  for i = 1, n do t[i] = {} end
  return t
end
local durstr
function G.def(t, d)
  for k, v in next, d do t[k] = v end
  if t.named then t.m = t.m or {} end
  if t.name == "time.Duration" then
    for _, n in ipairs({"String", "Seconds", "Minutes", "Hours", "Milliseconds", "Microseconds",
                        "Nanoseconds"}) do
      t.m[n] = function(d2) return G.F["Duration_" .. n](d2) end
    end
  end
end
-- Once every type is described: the declared field order of the program's struct types, for the
-- Variables pane, which shows a struct's table by its keys (script/display.cpp reads
-- __gostructs raw): each entry lists a struct type's Lua keys in order, and `nils` how a field
-- that may be nil (absent from the table) prints.
local NILSHOW = {slice = "[]", map = "map[]", ptr = "<nil>", iface = "<nil>", chan = "<nil>",
                 func = "<nil>"}
function G.fin(TD)
  local list = {}
  for _, t in ipairs(TD or {}) do
    if t.k == "struct" and t.f and #t.f > 0 then
      local e = {nils = {}}
      for i, f in ipairs(t.f) do
        e[i] = f[3]
        e.nils[f[3]] = NILSHOW[f[2].k]
      end
      list[#list + 1] = e
    end
  end
  __gostructs = list
end

local zeros = {bool = false, int = 0, int8 = 0, int16 = 0, int32 = 0, int64 = 0, uint8 = 0,
               uint16 = 0, uint32 = 0, uint = 0, uint64 = 0, uintptr = 0, float32 = 0.0, float64 = 0.0,
               string = ""}
local foreign_zero = {
  ["sync.WaitGroup"] = function(n) return waitgroup(n) end,
  ["sync.Mutex"] = function(n) return mutex(n) end,
  ["sync.RWMutex"] = function(n) return rwmutex(n) end,
  ["sync.Once"] = function() return G.once() end,
  ["sync.Cond"] = function(n) return G.condv(n) end,
  ["strings.Builder"] = function() return G.builder() end,
  ["atomic.Int64"] = function(n) return atomic(0, n) end,
  ["atomic.Int32"] = function(n) return atomic(0, n) end,
  ["atomic.Uint64"] = function(n) return atomic(0, n) end,
  ["atomic.Uint32"] = function(n) return atomic(0, n) end,
  ["atomic.Bool"] = function(n) return atomic(0, n) end,
  ["atomic.Value"] = function() return G.avalue() end,
  ["time.Time"] = function() return 0 end,
}
local zv
function G.z(T, name)
  local r = {}
  for _, f in ipairs(T.f) do
    r[f[3]] = zv(f[2], (name and name ~= "") and (name .. "." .. f[1]) or f[1])
  end
  return r
end
zv = function(T, name)
  local k = T.k
  if k == "struct" then return G.z(T, name) end
  if k == "array" then return G.za(T, name) end
  if k == "foreign" then
    local mk = foreign_zero[T.name]
    return mk and mk(name) or nil
  end
  return zeros[k]
end
-- An array is held as a slice of its whole length, {a = elements (1-based), o = 0, n = c = its
-- length}, so indexing, slicing and len are the slice's; it is a value: copied (deeply, through
-- struct and array elements) wherever Go copies it, as a struct is.
local vcopy
function G.za(T, name)
  local a, e = {}, T.e
  for i = 1, T.n do a[i] = zv(e, name) end
  return {a = a, o = 0, n = T.n, c = T.n}
end
function G.acp(T, v)
  local a, e, src = {}, T.e, v.a
  local deep = e.k == "struct" or e.k == "array"
  for i = 1, T.n do
    local x = src[v.o + i]
    if deep then x = vcopy(e, x) end
    a[i] = x
  end
  return {a = a, o = 0, n = T.n, c = T.n}
end
-- A literal: t holds the elements given at their (1-based) indices; the others are zero.
function G.alit(E, n, t)
  for i = 1, n do
    if t[i] == nil then t[i] = zv(E, "") end
  end
  return {a = t, o = 0, n = n, c = n}
end
function G.cp(T, v)
  if v == nil then return nil end
  local r = {}
  for _, f in ipairs(T.f) do
    local x = v[f[3]]
    if x ~= nil then x = vcopy(f[2], x) end
    r[f[3]] = x
  end
  return r
end
vcopy = function(T, v)
  local k = T.k
  if k == "struct" then return G.cp(T, v) end
  if k == "array" then return G.acp(T, v) end
  if k == "foreign" and T.name == "sync.Cond" then return G.condcp(v) end
  return v
end
G.vcopy = vcopy
-- Assigns the value s (a copy already) to the struct or array d in place, as Go writes a
-- variable's memory: a pointer to d, to one of its parts, or a slice of it sees the new value.
-- Returns d, so that the lowered code reads `x = G.vset(T, x, v)`: an assignment to x, which
-- the Variables pane records as a write of x (script/assignments.h).
local function vset(T, d, s)
  if T.k == "array" then
    local da, sa, e = d.a, s.a, T.e
    local deep = e.k == "struct" or e.k == "array"
    for i = 1, T.n do
      if deep then vset(e, da[i], sa[i]) else da[i] = sa[i] end
    end
    return d
  end
  for _, f in ipairs(T.f) do
    local k, x = f[2].k, d[f[3]]
    if (k == "struct" or k == "array") and x ~= nil and s[f[3]] ~= nil then
      vset(f[2], x, s[f[3]])
    else
      d[f[3]] = s[f[3]]
    end
  end
  return d
end
G.vset = vset
-- Swaps the values of the structs or arrays x and y in place (their tables stay where they are:
-- a pointer to an element of a slice being sorted sees the values move, as Go's does).
local function vswap(T, x, y)
  if T.k == "array" then
    local xa, ya, e = x.a, y.a, T.e
    local deep = e.k == "struct" or e.k == "array"
    for i = 1, T.n do
      if deep then vswap(e, xa[i], ya[i]) else xa[i], ya[i] = ya[i], xa[i] end
    end
    return
  end
  for _, f in ipairs(T.f) do
    local k, key = f[2].k, f[3]
    local a, b = x[key], y[key]
    if (k == "struct" or k == "array") and a ~= nil and b ~= nil then
      vswap(f[2], a, b)
    else
      x[key], y[key] = b, a
    end
  end
end
function G.setp(p, v)
  if p == nil then G.np() end
  for k in next, p do p[k] = nil end
  for k, x in next, v do p[k] = x end
end

-- ---- unsigned 64-bit arithmetic -------------------------------------------------------------
function G.umin(a, ...)
  for i = 1, select("#", ...) do local b = select(i, ...); if math.ult(b, a) then a = b end end
  return a
end
function G.umax(a, ...)
  for i = 1, select("#", ...) do local b = select(i, ...); if math.ult(a, b) then a = b end end
  return a
end
function G.udiv(a, b)
  if b == 0 then rte("integer divide by zero") end
  if b < 0 then return math.ult(a, b) and 0 or 1 end  -- b >= 2^63: the quotient is 0 or 1
  if a >= 0 then return a // b end
  local q = ((a >> 1) // b) << 1
  if not math.ult(a - q * b, b) then q = q + 1 end
  return q
end
function G.umod(a, b)
  if b == 0 then rte("integer divide by zero") end
  return a - G.udiv(a, b) * b
end
function G.ushr(a, n)
  if n < 0 then rte("negative shift amount") end
  return a >> n  -- Lua's >> is logical; 64 and more give 0
end
function G.u2f(a)
  if a >= 0 then return a + 0.0 end
  return ((a >> 1) | (a & 1)) * 2.0  -- round to odd, then the doubling is exact
end
-- ---- float32 ---------------------------------------------------------------------------------
-- A float32 is a Lua float holding a float32's value: every operation's result is rounded to the
-- nearest float32, ties to even, ±Inf from halfway past MaxFloat32 on, as IEEE single precision,
-- by f32round, the C function the runtime gives every Go program (script/universe.cpp): one VM
-- call, where string.pack would make a string per operation.
local f32 = f32round
G.f32 = f32
-- An integer to float32 in one rounding: past 2^53 it keeps its top 53 bits and ORs the rest
-- into the lowest (a sticky bit), so the float64 it makes rounds to the float32 Go gives.
local function bigf32(q, s)
  return f32(q * 2.0 ^ s)
end
function G.i2f32(i)
  if i >= -9007199254740992 and i <= 9007199254740992 then return f32(i + 0.0) end
  if i == math.mininteger then return -9223372036854775808.0 end
  local a, s = i < 0 and -i or i, 0
  while (a >> s) >= 9007199254740992 do s = s + 1 end
  local q = a >> s
  if a & ((1 << s) - 1) ~= 0 then q = q | 1 end
  local f = bigf32(q, s)
  return i < 0 and -f or f
end
function G.u2f32(a)
  if a >= 0 then return G.i2f32(a) end
  local q = a >> 11  -- logical: a's top 53 bits
  if a & 0x7FF ~= 0 then q = q | 1 end
  return bigf32(q, 11)
end

function G.f2u(f)
  if f ~= f then return math.mininteger end
  if f >= 9223372036854775808.0 then
    if f >= 18446744073709551616.0 then return math.mininteger end
    return math.tointeger(f - 9223372036854775808.0) + math.mininteger
  end
  return G.f2i(f)
end

-- ---- interfaces ------------------------------------------------------------------------------
function G.box(T, v) return {t = T, v = v} end
-- The method `name` of dynamic type t: the function and whether it takes the pointer.
-- A pointer to a package's type (*sync.Mutex in a sync.Locker) has its methods in G.F, all with
-- pointer receivers: FOREIGN_BASE is the base whose pm says so.
local FOREIGN_BASE = {pm = setmetatable({}, {__index = function() return true end})}
local function method(t, name)
  if t.k == "ptr" then
    local e = t.e
    if e and e.m then return e.m[name], e end
    if e and e.k == "foreign" then
      local f = G.F[e.name:gsub("^.*%.", "") .. "_" .. name]
      if f then return f, FOREIGN_BASE end
    end
    return nil
  end
  if t.m and not (t.pm and t.pm[name]) then return t.m[name], nil end
  return nil
end
G.method = method
function G.icall(i, name, ...)
  if i == nil then G.np() end
  local f, base = method(i.t, name)
  local v = i.v
  if base then
    if not base.pm[name] then
      if v == nil then G.np() end
      v = vcopy(base, v)
    end
  else
    v = vcopy(i.t, v)
  end
  return f(v, ...)
end
function G.ibind(i, name)
  if i == nil then G.np() end
  return function(...) return G.icall(i, name, ...) end
end
function G.bind(f, r) return function(...) return f(r, ...) end end
local seq
local function ieq(a, b)
  if a == nil or b == nil then return a == b end
  if a.t ~= b.t then return false end
  local k = a.t.k
  if k == "struct" then return seq(a.t, a.v, b.v) end
  if k == "array" then return G.aeq(a.t, a.v, b.v) end
  if k == "slice" or k == "map" or k == "func" then rte("comparing uncomparable type " .. a.t.name) end
  return a.v == b.v
end
G.ieq = ieq
-- Two values of type T equal as Go's == says (T a struct, an array or a type compared as is).
local function veq(T, x, y)
  local k = T.k
  if k == "struct" then return seq(T, x, y) end
  if k == "array" then return G.aeq(T, x, y) end
  if k == "iface" then return ieq(x, y) end
  if k == "slice" or k == "map" or k == "func" then rte("comparing uncomparable type " .. T.name) end
  return x == y
end
function G.aeq(T, a, b)
  local e = T.e
  for i = 1, T.n do
    if not veq(e, a.a[a.o + i], b.a[b.o + i]) then return false end
  end
  return true
end
seq = function(T, a, b)
  for _, f in ipairs(T.f) do
    local x, y, k = a[f[3]], b[f[3]], f[2].k
    if k == "struct" then
      if not seq(f[2], x, y) then return false end
    elseif k == "array" then
      if not G.aeq(f[2], x, y) then return false end
    elseif k == "iface" then
      if not ieq(x, y) then return false end
    elseif x ~= y then
      return false
    end
  end
  return true
end
G.seq = seq
function G.impl(i, I)
  if i == nil then return false end
  for _, name in ipairs(I.ms) do
    if not method(i.t, name) then return false end
  end
  return true
end
local function iname(n)
  if n == "any" or n == "interface{}" then return "interface {}" end
  return n
end
function G.as(i, T, name)
  if i ~= nil and i.t == T then
    return vcopy(T, i.v)
  end
  error("interface conversion: " .. iname(name) .. " is " .. (i == nil and "nil" or i.t.name) .. ", not " .. T.name, 0)
end
function G.as2(i, T, z)
  if i ~= nil and i.t == T then
    return vcopy(T, i.v), true
  end
  return z, false
end
function G.asi(i, I, name)
  if i == nil then error("interface conversion: interface is nil, not " .. I.name, 0) end
  for _, m in ipairs(I.ms) do
    if not method(i.t, m) then
      error("interface conversion: " .. i.t.name .. " is not " .. I.name .. ": missing method " .. m, 0)
    end
  end
  return i
end
function G.asi2(i, I)
  if G.impl(i, I) then return i, true end
  return nil, false
end

-- ---- slices ----------------------------------------------------------------------------------
-- A slice is {a = backing array (1-based), o = offset, n = len, c = cap}; nil is the nil slice.
function G.slit(_, n, t) return {a = t, o = 0, n = n, c = n} end
function G.ix(s, i)
  if s == nil or i < 0 or i >= s.n then bad_index(i, s and s.n or 0) end
  return s.a[s.o + i + 1]
end
function G.eref(s, i)
  if s == nil or i < 0 or i >= s.n then bad_index(i, s and s.n or 0) end
  return G.fref(s.a, s.o + i + 1)
end
function G.six(s, i, v)
  if s == nil or i < 0 or i >= s.n then bad_index(i, s and s.n or 0) end
  s.a[s.o + i + 1] = v
end
function G.len(s) return s and s.n or 0 end
function G.cap(s) return s and s.c or 0 end
function G.mks(_, n, c, z, T)
  c = c or n
  if n < 0 then rte("makeslice: len out of range") end
  if c < n then rte("makeslice: cap out of range") end
  local a = {}
  if T then
    for i = 1, c do a[i] = zv(T, "") end
  elseif z ~= nil then
    for i = 1, c do a[i] = z end
  end
  return {a = a, o = 0, n = n, c = c}
end
-- Go 1.19's size classes (runtime/sizeclasses.go): append rounds a new array up to one.
local classes = {0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
  288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536,
  1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
  9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
  32768}
local function roundupsize(size)
  if size <= 32768 then
    local lo, hi = 1, #classes
    while lo < hi do
      local mid = (lo + hi) // 2
      if classes[mid] >= size then hi = mid else lo = mid + 1 end
    end
    return classes[lo]
  end
  return (size + 8191) // 8192 * 8192
end
local function growcap(old, needed, es)
  local nc = old
  local dbl = old + old
  if needed > dbl then
    nc = needed
  elseif old < 256 then
    nc = dbl
  else
    while nc > 0 and nc < needed do nc = nc + (nc + 768) // 4 end
    if nc <= 0 then nc = needed end
  end
  if es == 0 then return nc end
  return roundupsize(nc * es) // es
end
-- Elements of a struct or an array type E (passed only for those) are tables that are the
-- elements' memory: a pointer &s[i] is s's element table. So a value moves into an existing
-- element by vset, and a new array holds copies (the old array keeps its elements, which a
-- pointer taken before the growth still reaches, as Go's does), zero from its length to its cap.
-- The values in t are fresh (copies already).
local function append(s, es, n, t, from, E)
  if n == 0 then return s end
  local old = s and s.n or 0
  local need = old + n
  if s and need <= s.c then
    local a, o = s.a, s.o + old
    if E then
      for i = 1, n do
        local d = a[o + i]
        if d ~= nil then vset(E, d, t[from + i]) else a[o + i] = t[from + i] end
      end
    else
      for i = 1, n do a[o + i] = t[from + i] end
    end
    return {a = a, o = s.o, n = need, c = s.c}
  end
  local a = {}
  if s then
    local sa, so = s.a, s.o
    if E then
      for i = 1, old do a[i] = vcopy(E, sa[so + i]) end
    else
      for i = 1, old do a[i] = sa[so + i] end
    end
  end
  for i = 1, n do a[old + i] = t[from + i] end
  local c = growcap(s and s.c or 0, need, es)
  if E then
    for i = need + 1, c do a[i] = zv(E, "") end
  end
  return {a = a, o = 0, n = need, c = c}
end
function G.app(s, es, n, t, E) return append(s, es, n, t, 0, E) end
function G.appv(s, es, t, E)
  if t == nil or t.n == 0 then return s end
  if E or (s and t.a == s.a) then
    local copy = {}
    for i = 1, t.n do
      local v = t.a[t.o + i]
      copy[i] = E and vcopy(E, v) or v
    end
    return append(s, es, t.n, copy, 0, E)
  end
  return append(s, es, t.n, t.a, t.o)
end
function G.sls(s, lo, hi)
  local n, c = s and s.n or 0, s and s.c or 0
  hi = hi or n
  if hi < 0 or hi > c or lo < 0 or lo > hi then check_slice(lo, hi, c, "capacity") end
  if s == nil then return nil end
  return {a = s.a, o = s.o + lo, n = hi - lo, c = c - lo}
end
-- a[lo:hi] of an array (its cap is its length: Go's message names the length).
function G.asl(s, lo, hi)
  local n = s.n
  hi = hi or n
  if hi < 0 or hi > n or lo < 0 or lo > hi then check_slice(lo, hi, n, "length") end
  return {a = s.a, o = lo, n = hi - lo, c = n - lo}
end
-- os.Args: one slice for the run (a write to an element stays), holding the program's name.
function G.args(name)
  G.ARGS = G.ARGS or {a = {name}, o = 0, n = 1, c = 1}
  return G.ARGS
end
-- Moves the values vs[1..n] into s's elements from index i (0-based) on; E as append's.
local function put(s, i, vs, n, E)
  local a, o = s.a, s.o + i
  for k = 1, n do
    local d = a[o + k]
    if E and d ~= nil then vset(E, d, vs[k]) else a[o + k] = vs[k] end
  end
end
function G.copy(d, s, E)
  local n = math.min(d and d.n or 0, s and s.n or 0)
  if n == 0 then return 0 end
  local tmp = {}
  for i = 1, n do
    local v = s.a[s.o + i]
    tmp[i] = E and vcopy(E, v) or v
  end
  put(d, 0, tmp, n, E)
  return n
end
function G.sclear(s, z, T)
  if s == nil then return end
  for i = 1, s.n do
    local d = s.a[s.o + i]
    if T and d ~= nil then vset(T, d, zv(T, "")) else s.a[s.o + i] = T and zv(T, "") or z end
  end
end

-- ---- strings ---------------------------------------------------------------------------------
function G.sidx(s, i)
  if i < 0 or i >= #s then bad_index(i, #s) end
  return sbyte(s, i + 1)
end
function G.ssl(s, lo, hi)
  local n = #s
  hi = hi or n
  if hi < 0 or hi > n or lo < 0 or lo > hi then check_slice(lo, hi, n, "length") end
  return ssub(s, lo + 1, hi)
end
-- Decodes the rune at byte i (1-based): the rune and its width; invalid UTF-8 is U+FFFD, 1.
local function decode(s, i)
  local c = sbyte(s, i)
  if c < 0x80 then return c, 1 end
  local n, r, min
  if c >= 0xF0 and c < 0xF8 then n, r, min = 4, c & 0x07, 0x10000
  elseif c >= 0xE0 then n, r, min = 3, c & 0x0F, 0x800
  elseif c >= 0xC0 then n, r, min = 2, c & 0x1F, 0x80
  else return 0xFFFD, 1 end
  if c >= 0xF8 then return 0xFFFD, 1 end
  for k = 1, n - 1 do
    local b = sbyte(s, i + k)
    if b == nil or b & 0xC0 ~= 0x80 then return 0xFFFD, 1 end
    r = (r << 6) | (b & 0x3F)
  end
  if r < min or r > 0x10FFFF or (r >= 0xD800 and r < 0xE000) then return 0xFFFD, 1 end
  return r, n
end
function G.srange(s)
  local i, n = 0, #s
  return function()
    if i >= n then return nil end
    local r, w = decode(s, i + 1)
    local at = i
    i = i + w
    return at, r
  end
end
function G.rstr(r)
  if r < 0 or r > 0x10FFFF or (r >= 0xD800 and r < 0xE000) then return "\xEF\xBF\xBD" end
  return utf8.char(r)
end
function G.bytes(s)
  local a = {sbyte(s, 1, -1)}
  return {a = a, o = 0, n = #s, c = #s}
end
function G.bstr(b)
  if b == nil then return "" end
  local parts = {}
  for i = 1, b.n, 4096 do
    local j = math.min(b.n, i + 4095)
    parts[#parts + 1] = schar(unpack(b.a, b.o + i, b.o + j))
  end
  return concat(parts)
end
function G.runes(s)
  local a = {}
  for _, r in G.srange(s) do a[#a + 1] = r end
  return {a = a, o = 0, n = #a, c = #a}
end
function G.rsstr(rs)
  local parts = {}
  for i = 1, G.len(rs) do parts[i] = G.rstr(rs.a[rs.o + i]) end
  return concat(parts)
end
function G.srepeat(s, n)
  if n < 0 then error("strings: negative Repeat count", 0) end
  return srep(s, n)
end
function G.sjoin(sl, sep)
  local t = {}
  for i = 1, G.len(sl) do t[i] = sl.a[sl.o + i] end
  return concat(t, sep)
end
function G.scontains(s, sub) return sfind(s, sub, 1, true) ~= nil end
function G.sindex(s, sub)
  local i = sfind(s, sub, 1, true)
  return i and i - 1 or -1
end
function G.scount(s, sub)
  if sub == "" then  -- Go: the number of runes plus one
    local n = 1
    for _ in G.srange(s) do n = n + 1 end
    return n
  end
  local n, i = 0, 1
  while true do
    local j = sfind(s, sub, i, true)
    if not j then return n end
    n, i = n + 1, j + #sub
  end
end
function G.sreplaceall(s, old, new)
  if old == "" then
    local parts = {new}
    for _, r in G.srange(s) do parts[#parts + 1] = G.rstr(r); parts[#parts + 1] = new end
    return concat(parts)
  end
  local parts, i = {}, 1
  while true do
    local j = sfind(s, old, i, true)
    if not j then break end
    parts[#parts + 1] = ssub(s, i, j - 1)
    parts[#parts + 1] = new
    i = j + #old
  end
  parts[#parts + 1] = ssub(s, i)
  return concat(parts)
end
function G.strimprefix(s, p) if G.shasprefix(s, p) then return ssub(s, #p + 1) end return s end
function G.strimsuffix(s, p)
  if #p > 0 and G.shassuffix(s, p) then return ssub(s, 1, #s - #p) end
  return s
end
function G.sfields(s)
  local a = {}
  for w in s:gmatch("[^ \t\n\r\v\f]+") do a[#a + 1] = w end
  return {a = a, o = 0, n = #a, c = #a}
end
function G.shasprefix(s, p) return ssub(s, 1, #p) == p end
function G.shassuffix(s, p) return #p == 0 or ssub(s, -#p) == p end
function G.strim(s) return (s:gsub("^[ \t\n\r\v\f]+", ""):gsub("[ \t\n\r\v\f]+$", "")) end
function G.ssplit(s, sep)
  local a = {}
  if sep == "" then
    for _, r in G.srange(s) do a[#a + 1] = G.rstr(r) end
  else
    local i = 1
    while true do
      local j = sfind(s, sep, i, true)
      if not j then break end
      a[#a + 1] = ssub(s, i, j - 1)
      i = j + #sep
    end
    a[#a + 1] = ssub(s, i)
  end
  return {a = a, o = 0, n = #a, c = #a}
end
function G.itoa(i) return sfmt("%d", i) end
function G.sortints(s)
  if s == nil then return end
  local t = {}
  for i = 1, s.n do t[i] = s.a[s.o + i] end
  table.sort(t)
  for i = 1, s.n do s.a[s.o + i] = t[i] end
end
G.sortstrings = G.sortints

-- ---- maps ------------------------------------------------------------------------------------
-- A map is {d = key → value (NILV for a nil value), n = count}; nil is the nil map.
function G.mkm() return {d = {}, n = 0} end
function G.mset(m, k, v)
  if m == nil then error("assignment to entry in nil map", 0) end
  local d = m.d
  if d[k] == nil then m.n = m.n + 1 end
  if v == nil then v = NILV end
  d[k] = v
end
function G.mlit(n, t)
  local m = G.mkm()
  for i = 1, n, 2 do G.mset(m, t[i], t[i + 1]) end
  return m
end
function G.mget(m, k, z)
  if m == nil then return z end
  local v = m.d[k]
  if v == nil then return z end
  if v == NILV then return nil end
  return v
end
function G.mget2(m, k, z)
  if m == nil then return z, false end
  local v = m.d[k]
  if v == nil then return z, false end
  if v == NILV then return nil, true end
  return v, true
end
function G.mhas(m, k) return m ~= nil and m.d[k] ~= nil end
function G.mdel(m, k)
  if m == nil then return end
  if m.d[k] ~= nil then
    m.d[k] = nil
    m.n = m.n - 1
  end
end
function G.mlen(m) return m and m.n or 0 end
function G.mclear(m)
  if m == nil then return end
  m.d = {}
  m.k = nil
  m.n = 0
end
-- The keys in an order drawn from the run's seed (Go randomises map iteration).
function G.mkeys(m)
  local ks = {}
  if m == nil then return ks end
  for k in pairs(m.d) do ks[#ks + 1] = k end
  for i = #ks, 2, -1 do
    local j = math.random(i)
    ks[i], ks[j] = ks[j], ks[i]
  end
  return ks
end

-- ---- map keys of other comparable types ------------------------------------------------------
-- A key of an integer, string or bool type is its own Lua key. Any other key is encoded, as the
-- compiler chooses by the key type (G.kset, kget, kget2, kdel, klit): the map keeps the Lua key
-- in d and the Go key itself (a copy) in k = Lua key → key (NILV for nil), for range, fmt and maps.*. Encoding:
-- - float: the number (Lua makes -0.0 and 0.0, and 1.0 and 1, one key); NaN a new table, so
--   that every NaN is a new key that no lookup finds;
-- - pointer, channel: the table or userdata itself (identity); nil NILK;
-- - struct, array, interface: a string of their parts (ints and floats exact, strings with
--   their length, pointers, channels and an interface's dynamic type by an id kept while they
--   live); a NaN anywhere makes the key a new table; a dynamic type that is not comparable
--   panics as Go's hash does.
local NILK = {}
local oids = setmetatable({}, {__mode = "k"})
local noid = 0
local function oid(x)
  local i = oids[x]
  if not i then
    noid = noid + 1
    i = noid
    oids[x] = i
  end
  return i
end
-- Appends the parts of v (of type T) to out; false if v holds a NaN (equal to no key).
local function kparts(T, v, out)
  local k = T.k
  if k == "string" then
    out[#out + 1] = #v .. ":" .. v
  elseif k == "bool" then
    out[#out + 1] = v and "t" or "f"
  elseif k == "float64" or k == "float32" then
    if v ~= v then return false end
    if v == 0 then v = 0.0 end
    out[#out + 1] = sfmt("%a", v)
  elseif k == "struct" then
    for _, f in ipairs(T.f) do
      if not kparts(f[2], v[f[3]], out) then return false end
    end
  elseif k == "array" then
    local e, a, o = T.e, v.a, v.o
    for i = 1, T.n do
      if not kparts(e, a[o + i], out) then return false end
    end
  elseif k == "ptr" or k == "chan" or k == "foreign" then
    out[#out + 1] = v == nil and "n" or "p" .. oid(v)
  elseif k == "iface" then
    if v == nil then
      out[#out + 1] = "n"
    else
      local t = v.t
      if t.k == "slice" or t.k == "map" or t.k == "func" then rte("hash of unhashable type " .. t.name) end
      out[#out + 1] = "i" .. oid(t)
      return kparts(t, v.v, out)
    end
  elseif k == "slice" or k == "map" or k == "func" then
    rte("hash of unhashable type " .. T.name)
  else
    out[#out + 1] = tostring(v)  -- an integer
  end
  return true
end
-- The Lua key of the Go key v of type T.
local function kenc(T, v)
  local k = T.k
  if k == "float64" or k == "float32" then
    if v ~= v then return {} end
    return v
  end
  if k == "ptr" or k == "chan" then
    if v == nil then return NILK end
    return v
  end
  local out = {}
  if not kparts(T, v, out) then return {} end
  return concat(out, ",")
end
G.kenc = kenc
-- v is a copy already (the compiler copies a struct or array key as it does a value).
function G.kset(m, T, k, v)
  if m == nil then error("assignment to entry in nil map", 0) end
  local e = kenc(T, k)
  G.mset(m, e, v)
  local ks = m.k
  if not ks then
    ks = {}
    m.k = ks
  end
  if k == nil then k = NILV end
  ks[e] = k  -- as Go's, an assignment stores the key too (+0 after -0, for instance)
end
function G.klit(T, n, t)
  local m = G.mkm()
  for i = 1, n, 2 do G.kset(m, T, t[i], t[i + 1]) end
  return m
end
-- A lookup or delete hashes its key even in a nil or empty map, as Go's does (and panics so).
function G.kget(m, T, k, z) return G.mget(m, kenc(T, k), z) end
function G.kget2(m, T, k, z) return G.mget2(m, kenc(T, k), z) end
function G.kdel(m, T, k)
  local e = kenc(T, k)
  if m ~= nil and m.d[e] ~= nil then
    m.k[e] = nil
    G.mdel(m, e)
  end
end
-- The Go key of the Lua key e of m (range: the compiler copies a struct or array one).
function G.mk(m, e)
  local k = m.k[e]
  if k == NILV then return nil end
  return k
end

-- ---- channels --------------------------------------------------------------------------------
function G.recv(c, z)
  local v, ok = (c or NILCH):recv()
  if not ok then return z end
  return v
end
function G.recv2(c, z)
  local v, ok = (c or NILCH):recv()
  if not ok then return z, false end
  return v, true
end
function G.close(c) (c or NILCH):close() end
function G.clen(c) return c and c:len() or 0 end
function G.ccap(c) return c and c:cap() or 0 end

-- ---- defer, panic, recover -------------------------------------------------------------------
local PMT = {}
local panics = setmetatable({}, {__mode = "k"})  -- per task (Lua thread): the panics being handled
-- A function with deferred calls: its body, then the deferred calls last first, each seeing the
-- panic under way (recover); a panic left is raised again at the line it began at (goreraise).
-- The function returns its results itself once G.run has returned (the defers may set them).
local panicline, reraise = gopanicline, goreraise
function G.run(df, body)
  local ok, e = pcall(body)
  local p = nil
  if not ok then p = {v = e, line = panicline()} end
  for i = #df, 1, -1 do
    local d = df[i]
    df[i] = nil
    local co = coroutine.running()
    local st = panics[co]
    if not st then st = {}; panics[co] = st end
    st[#st + 1] = p or false
    local ok2, e2 = pcall(d[1], unpack(d, 2, d.n))
    st[#st] = nil
    if not ok2 then p = {v = e2, line = panicline()}
    elseif p and p.rec then p = nil end
  end
  if p then reraise(p.v, p.line) end
end
local RTE = {k = "string", name = "runtime.Error", named = true, pm = {}, m = {Error = function(s) return s end}}
local function pvalue(e)
  if type(e) == "table" and getmetatable(e) == PMT then return e.x end
  if type(e) == "string" then return {t = RTE, v = e} end
  return {t = RTE, v = tostring(e)}
end
-- runtime.Goexit (t.FailNow, t.SkipNow): goexit() unwinds the goroutine running its deferred
-- calls, and recover() does not stop it (it returns nil), as in Go. It is no panic: no Panic or
-- Recover event. GOEXIT is the value it raises, for the comparisons below.
local goexit = goexit
local GOEXIT = select(2, pcall(goexit))
function G.recover()
  local st = panics[coroutine.running()]
  if not st then return nil end
  local p = st[#st]
  if not p or p.rec or p.v == GOEXIT then return nil end
  p.rec = true
  return pvalue(p.v)
end
local fmtv
function G.panic(x)
  G.flush()
  error(setmetatable({x = x}, PMT), 0)
end

-- ---- errors ----------------------------------------------------------------------------------
local STR = {k = "string", name = "string"}
local ERRS = {k = "struct", name = "errors.errorString", f = {{"s", STR, "s"}}, named = true, pm = {Error = true},
              m = {Error = function(p) return p.s end}}
local ERRT = {k = "ptr", name = "*errors.errorString", e = ERRS}
local WRAPS = {k = "struct", name = "fmt.wrapError", f = {{"msg", STR, "msg"}}, named = true,
               pm = {Error = true, Unwrap = true},
               m = {Error = function(p) return p.msg end, Unwrap = function(p) return p.err end}}
local WRAPT = {k = "ptr", name = "*fmt.wrapError", e = WRAPS}
function G.errnew(s) return {t = ERRT, v = {s = s}} end
G.ECANCELED = G.errnew("context canceled")
local DLS = {k = "struct", name = "context.deadlineExceededError", f = {}, named = true, pm = {},
             m = {Error = function() return "context deadline exceeded" end}}
G.EDEADLINE = {t = DLS, v = {}}
function G.eunwrap(e)
  if e == nil then return nil end
  local f = method(e.t, "Unwrap")
  if not f then return nil end
  return f(e.v)
end
local JOINS = {k = "struct", name = "errors.joinError", f = {}, named = true, pm = {Error = true},
               m = {Error = function(p)
                 local t = {}
                 for i = 1, #p.errs do t[i] = G.icall(p.errs[i], "Error") end
                 return table.concat(t, "\n")
               end}}
local JOINT = {k = "ptr", name = "*errors.joinError", e = JOINS}
function G.ejoin(errs)
  local v = {errs = {}}
  for i = 0, G.len(errs) - 1 do
    local e = G.ix(errs, i)
    if e ~= nil then v.errs[#v.errs + 1] = e end
  end
  if #v.errs == 0 then return nil end
  return {t = JOINT, v = v}
end
-- The first error of e's chain that `match` accepts: e, then what Unwrap returns, and for a
-- joined error each of its errors depth first (errors.Is and errors.As walk it alike).
local function chain_find(e, match, depth)
  local n = depth or 0
  while e ~= nil and n < 10000 do
    if match(e) then return e end
    if e.t == JOINT then
      for _, x in ipairs(e.v.errs) do
        local f = chain_find(x, match, n + 1)
        if f then return f end
      end
      return nil
    end
    e = G.eunwrap(e)
    n = n + 1
  end
  return nil
end
function G.eis(e, target)
  if target == nil then return e == nil end  -- Go: errors.Is(err, nil) is err == nil
  return chain_find(e, function(x)
    local k = x.t.k
    return k ~= "slice" and k ~= "map" and k ~= "func" and ieq(x, target)
  end) ~= nil
end
-- errors.As(e, &v) for a struct type T that implements error: the first error of T in e's
-- chain is copied into v, the struct the pointer is.
function G.eas(e, p, T)
  local found = chain_find(e, function(x) return x.t == T end)
  if found == nil then return false end
  local v = G.cp(T, found.v)
  for k in next, p do p[k] = nil end
  for k, x in next, v do p[k] = x end
  return true
end
-- errors.As(e, &v) for a variable v of a pointer, interface or other non-struct type (a box,
-- see G.ref): the first error of e's chain whose type is T (that implements interface T) is
-- stored in it.
function G.easv(e, box, T, iface)
  local found = chain_find(e, function(x)
    if iface then return G.impl(x, T) end
    return x.t == T
  end)
  if found == nil then return false end
  box.v = iface and found or found.v
  return true
end
local NUMS = {k = "struct", name = "strconv.NumError", f = {}, named = true, pm = {Error = true},
              m = {Error = function(p) return "strconv." .. p.fn .. ": parsing " .. G.quote(p.num) .. ": " .. p.err end}}
local NUMT = {k = "ptr", name = "*strconv.NumError", e = NUMS}
function G.atoi(s)
  local body = s:match("^[+-]?%d+$")
  if not body then return 0, {t = NUMT, v = {fn = "Atoi", num = s, err = "invalid syntax"}} end
  local v = tointeger(tonumber(s))
  if v == nil or #s > 20 then return 0, {t = NUMT, v = {fn = "Atoi", num = s, err = "value out of range"}} end
  return v, nil
end
-- strconv.ParseUint and ParseInt as Go 1.19's (strconv/atoi.go): base 0 reads a 0b/0o/0x/0
-- prefix and allows underscores between digits; out of range gives the bound and a range error.
local function numerr(fn, s, err) return {t = NUMT, v = {fn = fn, num = s, err = err}} end
local function lcase(c) return c | 0x20 end
local function underscore_ok(s)
  local saw, i = "^", 1
  if #s >= 1 and (sbyte(s, 1) == 45 or sbyte(s, 1) == 43) then s = ssub(s, 2) end
  local hex = false
  if #s >= 2 and sbyte(s, 1) == 48 then
    local c = lcase(sbyte(s, 2))
    if c == 98 or c == 111 or c == 120 then
      i, saw, hex = 3, "0", c == 120
    end
  end
  while i <= #s do
    local c = sbyte(s, i)
    if (c >= 48 and c <= 57) or (hex and lcase(c) >= 97 and lcase(c) <= 102) then
      saw = "0"
    elseif c == 95 then
      if saw ~= "0" then return false end
      saw = "_"
    else
      if saw == "_" then return false end
      saw = "!"
    end
    i = i + 1
  end
  return saw ~= "_"
end
local function parseuint(s, base, bits)
  local fn = "ParseUint"
  if s == "" then return 0, numerr(fn, s, "invalid syntax") end
  local base0, s0 = base == 0, s
  if base == 0 then
    base = 10
    if sbyte(s, 1) == 48 then
      local c = #s >= 3 and lcase(sbyte(s, 2)) or 0
      if c == 98 then base, s = 2, ssub(s, 3)
      elseif c == 111 then base, s = 8, ssub(s, 3)
      elseif c == 120 then base, s = 16, ssub(s, 3)
      else base, s = 8, ssub(s, 2) end
    end
  elseif base < 2 or base > 36 then
    return 0, numerr(fn, s0, "invalid base " .. base)
  end
  if bits == 0 then bits = 64
  elseif bits < 0 or bits > 64 then return 0, numerr(fn, s0, "invalid bit size " .. bits) end
  local cutoff = G.udiv(-1, base) + 1
  local maxv = bits == 64 and -1 or (1 << bits) - 1
  local underscores, n = false, 0
  for i = 1, #s do
    local c = sbyte(s, i)
    local d
    if c == 95 and base0 then
      underscores = true
    else
      if c >= 48 and c <= 57 then d = c - 48
      elseif lcase(c) >= 97 and lcase(c) <= 122 then d = lcase(c) - 87
      else return 0, numerr(fn, s0, "invalid syntax") end
      if d >= base then return 0, numerr(fn, s0, "invalid syntax") end
      if not math.ult(n, cutoff) then return maxv, numerr(fn, s0, "value out of range") end
      n = n * base
      local n1 = n + d
      if math.ult(n1, n) or math.ult(maxv, n1) then return maxv, numerr(fn, s0, "value out of range") end
      n = n1
    end
  end
  if underscores and not underscore_ok(s0) then return 0, numerr(fn, s0, "invalid syntax") end
  return n, nil
end
function G.parseint(s, base, bits)
  local fn = "ParseInt"
  if s == "" then return 0, numerr(fn, s, "invalid syntax") end
  local s0, neg = s, false
  local c = sbyte(s, 1)
  if c == 43 then s = ssub(s, 2) elseif c == 45 then neg, s = true, ssub(s, 2) end
  local un, err = parseuint(s, base, bits)
  if err ~= nil and err.v.err ~= "value out of range" then
    err.v.fn, err.v.num = fn, s0
    return 0, err
  end
  if bits == 0 then bits = 64 end
  local cutoff = 1 << (bits - 1)  -- 2^63 is math.mininteger: compared unsigned
  if not neg and not math.ult(un, cutoff) then return cutoff - 1, numerr(fn, s0, "value out of range") end
  if neg and math.ult(cutoff, un) then return -cutoff, numerr(fn, s0, "value out of range") end
  return neg and -un or un, nil
end
function G.formatint(i, base)
  if base < 2 or base > 36 then G.panic({t = STR, v = "strconv: illegal AppendInt/FormatInt base"}) end
  if i == 0 then return "0" end
  local neg, u = i < 0, i
  if neg then u = -i end  -- math.mininteger stays itself: its bits are 2^63, read unsigned below
  local digits = {}
  while u ~= 0 do
    local q = G.udiv(u, base)
    local d = u - q * base
    digits[#digits + 1] = ssub("0123456789abcdefghijklmnopqrstuvwxyz", d + 1, d + 1)
    u = q
  end
  if neg then digits[#digits + 1] = "-" end
  return concat(digits):reverse()
end
function G.formatbool(b) return b and "true" or "false" end
function G.parsebool(s)
  if s == "1" or s == "t" or s == "T" or s == "true" or s == "TRUE" or s == "True" then return true, nil end
  if s == "0" or s == "f" or s == "F" or s == "false" or s == "FALSE" or s == "False" then return false, nil end
  return false, numerr("ParseBool", s, "invalid syntax")
end

-- ---- math ----------------------------------------------------------------------------------
-- Floor, Ceil, Trunc and Round as Go's: a float64 always (Lua's floor gives an integer), the
-- sign of zero kept (Ceil(-0.5) is -0), Round half away from zero.
local INF = math.huge
function G.mfloor(x)
  if x ~= x or x == 0 or x == INF or x == -INF then return x end
  return math.floor(x) + 0.0
end
function G.mceil(x) return -G.mfloor(-x) end
function G.mtrunc(x)
  if x ~= x or x == 0 or x == INF or x == -INF then return x end
  if x < 0 then return G.mceil(x) end
  return G.mfloor(x)
end
function G.mround(x)
  local t = G.mtrunc(x)
  if x == x and x ~= INF and x ~= -INF and math.abs(x - t) >= 0.5 then
    t = t + (x < 0 and -1.0 or 1.0)
  end
  return t
end
function G.mcbrt(x)
  if x ~= x or x == 0 or x == INF or x == -INF then return x end
  local r = math.abs(x) ^ (1 / 3)
  r = r - (r * r * r - math.abs(x)) / (3 * r * r)  -- one Newton step: exact cubes come out exact
  return x < 0 and -r or r
end
function G.mlog2(x) return math.log(x, 2) end
function G.mlog10(x) return math.log(x, 10) end
function G.mpow(x, y) return (x + 0.0) ^ y end
-- Max and Min: an infinity wins, then NaN; +0 is above -0.
function G.mmax(x, y)
  if x == INF or y == INF then return INF end
  if x ~= x or y ~= y then return 0 / 0 end
  if x == 0 and x == y then return (1 / x < 0) and y or x end
  return x > y and x or y
end
function G.mmin(x, y)
  if x == -INF or y == -INF then return -INF end
  if x ~= x or y ~= y then return 0 / 0 end
  if x == 0 and x == y then return (1 / x < 0) and x or y end
  return x < y and x or y
end
function G.mhypot(p, q)
  if p == INF or p == -INF or q == INF or q == -INF then return INF end
  if p ~= p or q ~= q then return 0 / 0 end
  p, q = math.abs(p), math.abs(q)
  if p < q then p, q = q, p end
  if p == 0 then return 0.0 end
  q = q / p
  return p * math.sqrt(1 + q * q)
end
function G.minf(sign) return sign >= 0 and INF or -INF end
function G.mnan() return 0 / 0 end
function G.misnan(x) return x ~= x end
function G.misinf(x, sign) return (sign >= 0 and x == INF) or (sign <= 0 and x == -INF) end

-- ---- fmt -------------------------------------------------------------------------------------
-- Go's %v of a float32: the shortest decimal that reads back as the same float32 (Go's
-- strconv.FormatFloat(v, 'g', -1, 32)), laid out as a float64's (script/display.cpp,
-- format_float): exponent form when the exponent is below -4 or from 6 on.
local function f32str(v)
  if v ~= v then return "NaN" end
  if v == math.huge then return "+Inf" end
  if v == -math.huge then return "-Inf" end
  if v == 0 then return (1 / v < 0) and "-0" or "0" end
  local s
  for p = 0, 8 do
    s = sfmt("%." .. p .. "e", v)
    if f32(tonumber(s)) == v then break end
    -- Next to a power of 2 the values that read back as v reach twice as far above v as below:
    -- the nearest decimal of this length may miss them while the next one up (or down) is in.
    local sg, m, e10 = s:match("^(%-?)([%d.]+)e([-+]%d+)$")
    m, e10 = tointeger(tonumber((m:gsub("%.", "")))), tonumber(e10) - p
    local best, bestd
    for _, d in ipairs({m - 1, m + 1}) do
      local c = tonumber(sg .. d .. "e" .. e10)
      if d > 0 and f32(c) == v and (not bestd or math.abs(c - v) < bestd) then
        local ds = tostring(d)
        best, bestd = sg .. ssub(ds, 1, 1) .. "." .. ssub(ds, 2) .. "e" .. (e10 + #ds - 1), math.abs(c - v)
      end
    end
    if best then s = best; break end
  end
  local sign, d1, rest, e = s:match("^(%-?)(%d)%.?(%d*)e([-+]?%d+)$")
  local digits = (d1 .. rest):gsub("0+$", "")
  if digits == "" then digits = "0" end
  local exp = tonumber(e)
  if exp < -4 or exp >= 6 then
    local m = ssub(digits, 1, 1)
    if #digits > 1 then m = m .. "." .. ssub(digits, 2) end
    return sfmt("%s%se%s%02d", sign, m, exp < 0 and "-" or "+", exp < 0 and -exp or exp)
  elseif exp < 0 then
    return sign .. "0." .. srep("0", -exp - 1) .. digits
  elseif #digits <= exp + 1 then
    return sign .. digits .. srep("0", exp + 1 - #digits)
  end
  return sign .. ssub(digits, 1, exp + 1) .. "." .. ssub(digits, exp + 2)
end
G.f32str = f32str
local addrs = setmetatable({}, {__mode = "k"})
local naddr = 0
local function addr(v)
  if v == nil then return "0x0" end
  local a = addrs[v]
  if not a then
    naddr = naddr + 1
    a = sfmt("0xc%09x", 0x10000 + naddr * 16)
    addrs[v] = a
  end
  return a
end
local function quote(s)
  local out = {'"'}
  local i, n = 1, #s
  while i <= n do
    local c = sbyte(s, i)
    if c == 34 then out[#out + 1] = '\\"'; i = i + 1
    elseif c == 92 then out[#out + 1] = "\\\\"; i = i + 1
    elseif c == 10 then out[#out + 1] = "\\n"; i = i + 1
    elseif c == 9 then out[#out + 1] = "\\t"; i = i + 1
    elseif c == 13 then out[#out + 1] = "\\r"; i = i + 1
    elseif c < 32 or c == 127 then out[#out + 1] = sfmt("\\x%02x", c); i = i + 1
    elseif c < 128 then out[#out + 1] = schar(c); i = i + 1
    else
      local r, w = decode(s, i)
      if r == 0xFFFD and w == 1 then out[#out + 1] = sfmt("\\x%02x", c) else out[#out + 1] = ssub(s, i, i + w - 1) end
      i = i + w
    end
  end
  out[#out + 1] = '"'
  return concat(out)
end
G.quote = quote
local intk = {int = true, int8 = true, int16 = true, int32 = true, int64 = true, uint8 = true, uint16 = true, uint32 = true,
              uint = true, uint64 = true, uintptr = true}
-- uint, uint64, uintptr: 64-bit unsigned, in a Lua integer's bits.
local u64k = {uint = true, uint64 = true, uintptr = true}
local function ustr(v)
  if v >= 0 then return tostring(v) end
  local q = (v >> 1) // 5  -- v / 10, unsigned
  return tostring(q) .. tostring(v - q * 10)
end
G.ustr = ustr
-- Go's internal/fmtsort order of two map keys of type T: -1, 0 or 1. Pointers and channels
-- by the addresses fmt shows; an interface's dynamic types by name (Go's by their address).
local function kcmp(T, a, b)
  local k = T.k
  if k == "bool" then
    if a == b then return 0 end
    return a and 1 or -1
  end
  if k == "float64" or k == "float32" then
    if a < b then return -1 elseif a > b then return 1 elseif a == b then return 0 end
    if a ~= a and b == b then return -1 end
    if a == a and b ~= b then return 1 end
    return 0
  end
  if u64k[k] then
    if a == b then return 0 end
    return math.ult(a, b) and -1 or 1
  end
  if k == "ptr" or k == "chan" then a, b = addr(a), addr(b)
  elseif k == "struct" then
    for _, f in ipairs(T.f) do
      local c = kcmp(f[2], a[f[3]], b[f[3]])
      if c ~= 0 then return c end
    end
    return 0
  elseif k == "array" then
    for i = 1, T.n do
      local c = kcmp(T.e, a.a[a.o + i], b.a[b.o + i])
      if c ~= 0 then return c end
    end
    return 0
  elseif k == "iface" then
    if a == nil or b == nil then
      if a == b then return 0 end
      return a == nil and -1 or 1
    end
    if a.t ~= b.t then
      if a.t.name ~= b.t.name then return a.t.name < b.t.name and -1 or 1 end
      return oid(a.t) < oid(b.t) and -1 or 1
    end
    return kcmp(a.t, a.v, b.v)
  end
  if a < b then return -1 elseif a > b then return 1 end
  return 0
end
-- The entries of the map m of type T, {key, Lua key}, in fmt's order.
local function mentries(T, m)
  local es = {}
  if m == nil then return es end
  for e in pairs(m.d) do
    local key = e
    if m.k then key = G.mk(m, e) end
    es[#es + 1] = {key, e}
  end
  local K = T.key
  table.sort(es, function(x, y) return kcmp(K, x[1], y[1]) < 0 end)
  return es
end
local function gosyntax(T, v, depth)
  local k = T.k
  if k == "string" then return quote(v) end
  if k == "struct" then
    local parts = {}
    for i, f in ipairs(T.f) do parts[i] = f[1] .. ":" .. gosyntax(f[2], v[f[3]], depth + 1) end
    return T.name .. "{" .. concat(parts, ", ") .. "}"
  end
  if k == "slice" or k == "array" then
    if v == nil then return T.name .. "(nil)" end
    local parts = {}
    for i = 1, v.n do parts[i] = gosyntax(T.e, v.a[v.o + i], depth + 1) end
    return T.name .. "{" .. concat(parts, ", ") .. "}"
  end
  if k == "ptr" then
    if v == nil then return "(" .. T.name .. ")(nil)" end
    if depth == 0 and (T.e.k == "struct" or T.e.k == "array") then return "&" .. gosyntax(T.e, v, depth + 1) end
    return "(" .. T.name .. ")(" .. addr(v) .. ")"
  end
  if k == "iface" then
    if v == nil then return "interface {}(nil)" end
    return gosyntax(v.t, v.v, depth)
  end
  if k == "map" then
    if v == nil then return T.name .. "(nil)" end
    local parts = {}
    for i, e in ipairs(mentries(T, v)) do parts[i] = gosyntax(T.key, e[1], depth + 1) .. ":" .. gosyntax(T.e, G.mget(v, e[2]), depth + 1) end
    return T.name .. "{" .. concat(parts, ", ") .. "}"
  end
  if T.named and zeros[k] ~= nil then return T.name .. "(" .. fmtv(T, v, "v", false, false, depth) .. ")" end
  return fmtv(T, v, "v", false, false, depth)
end
-- F: Printf's flags (width, prec, minus, zero, space, plus, sharp), or nil for Print and %v's
-- defaults. With F, a struct's, array's, slice's or map's leaves are formatted and padded one by
-- one (fmtarg), as fmt's printValue passes its flags down: %5.1f of []float64{1} is [  1.0].
local fmtarg
-- A verb that does not fit the value: %!d(string=hi), the value printed with %v under the
-- flags (Go's badVerb), or as `shown` without flags.
local function bad(T, v, verb, F, shown)
  if F then shown = fmtarg({t = T, v = v}, "v", F, 1) end
  return "%!" .. verb .. "(" .. T.name .. "=" .. shown .. ")"
end
fmtv = function(T, v, verb, plus, sharp, depth, F)
  if T == nil then return "<nil>" end
  if sharp and verb == "v" then return gosyntax(T, v, depth) end
  if verb == "v" or verb == "s" or verb == "q" then
    local f, base = method(T, "Error")
    if not f then f, base = method(T, "String") end
    if f then
      if T.k == "ptr" and v == nil then return "<nil>" end
      local r = v
      if not base then r = vcopy(T, v) end
      local s = f(r)
      if verb == "q" then return quote(s) end
      return s
    end
  end
  local k = T.k
  if k == "bool" then
    if verb ~= "v" and verb ~= "t" then return bad(T, v, verb, F, tostring(v)) end
    return v and "true" or "false"
  elseif intk[k] then
    if u64k[k] and (verb == "v" or verb == "d") then return (plus and verb == "d") and ("+" .. ustr(v)) or ustr(v)
    elseif verb == "v" or verb == "d" then return (plus and verb == "d" and v >= 0) and ("+" .. sfmt("%d", v)) or sfmt("%d", v)
    elseif verb == "x" or verb == "X" or verb == "o" or verb == "b" then
      local neg = v < 0 and not u64k[k]
      local a = neg and -v or v
      local s
      if verb == "b" then
        local t = {}
        repeat t[#t + 1] = tostring(a & 1); a = a >> 1 until a == 0
        s = string.reverse(concat(t))
      else
        s = sfmt("%" .. verb, a)
      end
      if sharp and verb == "x" then s = "0x" .. s end
      return neg and ("-" .. s) or s
    elseif verb == "c" then return G.rstr(v)
    elseif verb == "q" then
      local s = G.rstr(v)
      if s == "'" then return "'\\''" end
      local q = quote(s)
      return "'" .. ssub(q, 2, -2) .. "'"
    elseif verb == "U" then return sfmt("U+%04X", v)
    end
    return bad(T, v, verb, F, u64k[k] and ustr(v) or sfmt("%d", v))
  elseif k == "float64" then
    if verb == "v" then return tostring(v) end
    return bad(T, v, verb, F, tostring(v))
  elseif k == "float32" then
    if verb == "v" then return f32str(v) end
    return bad(T, v, verb, F, f32str(v))
  elseif k == "string" then
    if verb == "v" or verb == "s" then return v end
    if verb == "q" then return quote(v) end
    if verb == "x" or verb == "X" then
      return (v:gsub(".", function(c) return sfmt(verb == "x" and "%02x" or "%02X", sbyte(c)) end))
    end
    return bad(T, v, verb, F, v)
  elseif k == "ptr" then
    if v == nil then return verb == "p" and "0x0" or "<nil>" end
    if verb == "p" then return addr(v) end
    if depth == 0 and (T.e.k == "struct" or T.e.k == "array") then return "&" .. fmtv(T.e, v, verb, plus, sharp, depth + 1, F) end
    return addr(v)
  end
  -- an element of a container
  local function el(E, x)
    if F then return fmtarg({t = E, v = x}, verb, F, depth + 1) end
    return fmtv(E, x, verb, plus, sharp, depth + 1)
  end
  if k == "struct" then
    local parts = {}
    for i, f in ipairs(T.f) do
      local s = el(f[2], v[f[3]])
      parts[i] = plus and (f[1] .. ":" .. s) or s
    end
    return "{" .. concat(parts, " ") .. "}"
  elseif k == "array" then
    if T.e.k == "uint8" and (verb == "s" or verb == "q" or verb == "x" or verb == "X") then
      return fmtv(STR, G.bstr(v), verb, plus, sharp, depth)  -- bytes, as fmt prints [N]byte
    end
    local parts = {}
    for i = 1, T.n do parts[i] = el(T.e, v.a[i]) end
    return "[" .. concat(parts, " ") .. "]"
  elseif k == "slice" then
    if verb == "p" then return addr(v) end
    if T.e.k == "uint8" and (verb == "s" or verb == "q" or verb == "x" or verb == "X") then
      return fmtv(STR, G.bstr(v), verb, plus, sharp, depth)  -- bytes, as fmt prints []byte
    end
    local parts = {}
    for i = 1, G.len(v) do parts[i] = el(T.e, v.a[v.o + i]) end
    return "[" .. concat(parts, " ") .. "]"
  elseif k == "map" then
    if verb == "p" then return addr(v) end
    local parts = {}
    for i, e in ipairs(mentries(T, v)) do
      parts[i] = el(T.key, e[1]) .. ":" .. el(T.e, G.mget(v, e[2]))
    end
    return "map[" .. concat(parts, " ") .. "]"
  elseif k == "iface" then
    if v == nil then return "<nil>" end
    return fmtv(v.t, v.v, verb, plus, sharp, depth, F)
  elseif k == "chan" or k == "func" then
    if v == nil then return (verb == "p") and "0x0" or "<nil>" end
    return addr(v)
  elseif k == "foreign" then
    if T.name == "time.Time" then return sfmt("%d", v) end
    return "{}"
  end
  return "?"
end
G.fmtv = fmtv

local function isnum(b) return b ~= nil and (intk[b.t.k] or b.t.k == "float64" or b.t.k == "float32") end
-- The first n characters of s (Go's precision counts runes).
local function utf8_prefix(s, n)
  local ok, cut = pcall(utf8.offset, s, n + 1)
  if not ok then return ssub(s, 1, n) end
  if cut == nil then return s end
  return ssub(s, 1, cut - 1)
end
local function fmtone(b, verb, plus, sharp, prec, space, depth, F)
  if verb == "T" then return b == nil and "<nil>" or b.t.name end
  if b == nil then
    if verb == "v" then return "<nil>" end
    return "%!" .. verb .. "(<nil>)"
  end
  local T, v = b.t, b.v
  if verb == "w" then verb = "v" end
  -- (a Stringer or error of a float type prints through its method for %v: fmtv below)
  if (T.k == "float64" or T.k == "float32") and not (verb == "v" and (method(T, "Error") or method(T, "String"))) then
    local short = T.k == "float32" and f32str or tostring
    if verb == "v" and prec then verb = "g" end  -- Go: %.3v of a float is %.3g
    if verb == "v" then return short(v) end
    if verb == "f" or verb == "F" or verb == "e" or verb == "E" then
      local s = sfmt("%" .. (plus and "+" or "") .. "." .. (prec or 6) .. (verb == "F" and "f" or verb), v)
      if s == "inf" or s == "+inf" then return "+Inf" end
      if s == "-inf" then return "-Inf" end
      if s == "nan" or s == "-nan" then return "NaN" end
      return s
    end
    if verb == "g" or verb == "G" then
      if prec then return sfmt("%." .. prec .. verb, v) end
      if verb == "G" then return (short(v):gsub("e", "E")) end
      return short(v)
    end
  end
  if verb == "d" and T.k == "ptr" then return addr(v) end
  if (verb == "f" or verb == "e" or verb == "g") and intk[T.k] then
    return bad(T, v, verb, F, u64k[T.k] and ustr(v) or sfmt("%d", v))
  end
  if verb == "s" then
    local f = method(T, "Error") or method(T, "String")
    if not f and T.k ~= "string" and T.k ~= "slice" and T.k ~= "array" and T.k ~= "struct" and T.k ~= "map" and T.k ~= "ptr" and T.k ~= "iface" then
      return bad(T, v, "s", F, fmtv(T, v, "v", false, false, 0))
    end
  end
  if verb == "p" then
    if T.k == "ptr" or T.k == "chan" or T.k == "map" or T.k == "slice" or T.k == "func" then return addr(v) end
    return bad(T, v, "p", F, fmtv(T, v, "v", false, false, 0))
  end
  local s = fmtv(T, v, verb, plus, sharp, depth or 0, F)
  if prec and intk[T.k] and (verb == "d" or verb == "v" or verb == "x" or verb == "X" or verb == "o" or verb == "b") then
    -- an integer's precision is its least number of digits (0 of 0 prints nothing)
    local sign, digits = s:match("^([+-]?)(.*)$")
    if prec == 0 and digits == "0" then return sign end
    if #digits < prec then s = sign .. srep("0", prec - #digits) .. digits end
  end
  if prec and (verb == "s" or (verb == "v" and T.k == "string")) then s = utf8_prefix(s, prec) end
  if space and intk[T.k] and (v >= 0 or u64k[T.k]) and (verb == "d" or verb == "v") then s = " " .. s end
  return s
end

-- Whether a Printf argument prints as a container, whose leaves take the flags (see fmtv).
local function container(T, v, verb, depth)
  if verb == "T" or verb == "p" then return false end
  if (verb == "v" or verb == "s" or verb == "q") and (method(T, "Error") or method(T, "String")) then
    return false
  end
  local k = T.k
  if k == "struct" or k == "map" then return true end
  if k == "slice" or k == "array" then
    return not (T.e.k == "uint8" and (verb == "s" or verb == "q" or verb == "x" or verb == "X"))
  end
  if k == "ptr" then return depth == 0 and v ~= nil and (T.e.k == "struct" or T.e.k == "array") end
  return false
end
-- One Printf argument (a box {t, v}, nil for a nil interface): a leaf is formatted by fmtone and
-- padded to the width; a container's leaves are, one by one.
fmtarg = function(b, verb, F, depth)
  if verb == "w" then verb = "v" end  -- Errorf's %w prints as %v
  while b ~= nil and b.t.k == "iface" do b = b.v end
  if b == nil and depth > 0 then return "<nil>" end  -- a nil interface inside: not padded
  if b ~= nil and not F.sharp and container(b.t, b.v, verb, depth) then
    return fmtv(b.t, b.v, verb, F.plus, F.sharp, depth, F)
  end
  local s = fmtone(b, verb, F.plus, F.sharp, F.prec, F.space, depth, F)
  local width = F.width
  if width and (utf8.len(s) or #s) < width then
    if F.minus then
      s = s .. srep(" ", width - (utf8.len(s) or #s))
    elseif F.zero and isnum(b) and verb ~= "s" and not (F.prec and intk[b.t.k]) then
      local sign = ""
      if ssub(s, 1, 1) == "-" or ssub(s, 1, 1) == "+" then sign = ssub(s, 1, 1); s = ssub(s, 2) end
      s = sign .. srep("0", width - #s - #sign) .. s
    else
      s = srep(" ", width - (utf8.len(s) or #s)) .. s
    end
  end
  return s
end
function G.sprintf(f, args)
  local out = {}
  local ai, n = 0, G.len(args)
  local i, L = 1, #f
  while i <= L do
    local j = sfind(f, "%", i, true)
    if not j then
      out[#out + 1] = ssub(f, i)
      break
    end
    if j > i then out[#out + 1] = ssub(f, i, j - 1) end
    i = j + 1
    local minus, plus, sharp, zero, space = false, false, false, false, false
    while i <= L do
      local c = ssub(f, i, i)
      if c == "-" then minus = true
      elseif c == "+" then plus = true
      elseif c == "#" then sharp = true
      elseif c == "0" then zero = true
      elseif c == " " then space = true
      else break end
      i = i + 1
    end
    local width, prec
    if ssub(f, i, i) == "*" then
      i = i + 1
      if ai < n then ai = ai + 1; local b = args.a[args.o + ai]; width = b and intk[b.t.k] and b.v or nil end
      if width and width < 0 then minus = true; width = -width end
    else
      local d = f:match("^%d+", i)
      if d then width = tonumber(d); i = i + #d end
    end
    if ssub(f, i, i) == "." then
      i = i + 1
      if ssub(f, i, i) == "*" then
        i = i + 1
        if ai < n then ai = ai + 1; local b = args.a[args.o + ai]; prec = b and intk[b.t.k] and b.v or 0 end
      else
        local d = f:match("^%d+", i)
        prec = d and tonumber(d) or 0
        if d then i = i + #d end
      end
    end
    local verb
    if i > L then
      verb = nil
    else
      local r, w = decode(f, i)
      verb = ssub(f, i, i + w - 1)
      i = i + w
      if r == 0xFFFD then verb = "?" end
    end
    local s
    if verb == nil then
      s = "%!(NOVERB)"
    elseif verb == "%" then
      s = "%"
    elseif ai >= n then
      s = "%!" .. verb .. "(MISSING)"
    else
      ai = ai + 1
      s = fmtarg(args.a[args.o + ai], verb, {width = width, prec = prec, minus = minus, zero = zero,
                                             space = space, plus = plus, sharp = sharp}, 0)
    end
    out[#out + 1] = s
  end
  if ai < n then
    local extra = {}
    for k = ai + 1, n do
      local b = args.a[args.o + k]
      extra[#extra + 1] = b == nil and "<nil>" or (b.t.name .. "=" .. fmtv(b.t, b.v, "v", false, false, 0))
    end
    out[#out + 1] = "%!(EXTRA " .. concat(extra, ", ") .. ")"
  end
  return concat(out)
end
function G.sprint(args)
  local out = {}
  local prev_str = true
  for i = 1, G.len(args) do
    local b = args.a[args.o + i]
    local is_str = b ~= nil and b.t.k == "string"
    if i > 1 and not is_str and not prev_str then out[#out + 1] = " " end
    out[#out + 1] = fmtv(b and b.t, b and b.v, "v", false, false, 0)
    prev_str = is_str
  end
  return concat(out)
end
function G.sprintln(args)
  local out = {}
  for i = 1, G.len(args) do
    local b = args.a[args.o + i]
    out[i] = fmtv(b and b.t, b and b.v, "v", false, false, 0)
  end
  return concat(out, " ") .. "\n"
end
-- Output goes out a line at a time (the runtime's print and eprint, looked up when a line is
-- written); a partial line waits for its end. os.Stdout and os.Stderr each have their own.
local function line_writer(emit)
  local pending = ""
  local w = {}
  function w.write(s)
    if pending ~= "" then s = pending .. s end
    local start = 1
    while true do
      local nl = sfind(s, "\n", start, true)
      if not nl then break end
      emit(ssub(s, start, nl - 1))
      start = nl + 1
    end
    pending = ssub(s, start)
  end
  function w.flush()
    if pending ~= "" then
      local p = pending
      pending = ""
      emit(p)
    end
  end
  return w
end
local out_lines = line_writer(function(l) print(l) end)
local err_lines = line_writer(function(l) eprint(l) end)
G.write, G.ewrite = out_lines.write, err_lines.write
function G.flush()
  out_lines.flush()
  err_lines.flush()
end
G.STDOUT, G.STDERR = {fd = 1}, {fd = 2}
-- strings.Builder (methods below, with the other foreign types'): the pieces written, joined
-- when String is called (and kept joined).
local function sbwrite(b, s)
  b.parts[#b.parts + 1] = s
  b.n = b.n + #s
end
local function wr(w)
  if w == nil then G.np() end
  if w.sb then return function(s) sbwrite(w, s) end end
  return w.fd == 2 and G.ewrite or G.write
end
function G.fprintln(w, args) wr(w)(G.sprintln(args)) end
function G.fprint(w, args) wr(w)(G.sprint(args)) end
function G.fprintf(w, f, args) wr(w)(G.sprintf(f, args)) end
-- os.Exit: what was written stays written (Go's fmt writes at once); on Linux the status is
-- the low byte of the code.
function G.exit(c)
  G.flush()
  exit(c & 0xFF)
end
-- The builtins print and println, as Go's runtime prints: to stderr; a float64 as
-- +d.dddddde+ddd (7 digits, rounded half up on the decimal digits as the runtime does).
local function bfloat(v)
  if v ~= v then return "NaN" end
  if v == math.huge then return "+Inf" end
  if v == -math.huge then return "-Inf" end
  local sign, e = "+", 0
  if v == 0 then
    if 1 / v < 0 then sign = "-" end
  else
    if v < 0 then v, sign = -v, "-" end
    while v >= 10 do e, v = e + 1, v / 10 end
    while v < 1 do e, v = e - 1, v * 10 end
    local h = 5.0
    for _ = 1, 7 do h = h / 10 end
    v = v + h
    if v >= 10 then e, v = e + 1, v / 10 end
  end
  local digits = {}
  for i = 1, 7 do
    local d = math.floor(v)
    digits[i] = tostring(d)
    v = (v - d) * 10
  end
  local es = e < 0 and "-" or "+"
  if e < 0 then e = -e end
  return sign .. digits[1] .. "." .. table.concat(digits, "", 2) .. "e" .. es ..
         string.format("%03d", e)
end
-- A panic's value as Go's runtime prints it (printpanicval): an error's Error() or a Stringer's
-- String(); a basic value as the builtin print prints it (a float as +2.500000e+000); a named
-- basic type around it, main.Celsius(+2.500000e+000), main.Name("ann"); anything else as its
-- type and an address, (main.T) 0xc000010010.
PMT.__tostring = function(p)
  local x = p.x
  if x == nil then return "nil" end
  local f = method(x.t, "Error") or method(x.t, "String")
  if f then
    local ok, s = pcall(f, x.v)
    if ok then return s end
  end
  local k = x.t.k
  if zeros[k] == nil and k ~= "string" then return "(" .. x.t.name .. ") " .. addr(x.v) end
  local v
  if k == "float64" or k == "float32" then v = bfloat(x.v + 0.0)
  elseif k == "string" then v = x.v
  else v = fmtv(x.t, x.v, "v", false, false, 0) end
  if not x.t.named then return v end
  if k == "string" then return x.t.name .. '("' .. v .. '")' end
  return x.t.name .. "(" .. v .. ")"
end
function G.bprint(nl, ...)
  local n, parts = select("#", ...), {}
  for i = 1, n, 2 do
    local k, v = select(i, ...)
    if k == "f" then v = bfloat(v + 0.0)
    elseif k == "u" then v = ustr(v)
    elseif k == "b" then v = v and "true" or "false"
    else v = tostring(v) end
    parts[#parts + 1] = v
  end
  G.ewrite(table.concat(parts, nl and " " or "") .. (nl and "\n" or ""))
end
-- runtime.Gosched: a point where another goroutine may run.
function G.gosched() sleep(0) end
function G.println(args) G.write(G.sprintln(args)) end
function G.printv(args) G.write(G.sprint(args)) end
function G.printf(f, args) G.write(G.sprintf(f, args)) end
-- ---- log: Go's standard logger writes "date time message" to stderr, one line per call. The
-- clock is the run's (virtual in controlled mode), counted from the Go playground's fixed
-- epoch, 2009/11/10 23:00:00, so a run replays exactly; the line goes to the output (whole,
-- never joined with a partial line of fmt's).
local function civil(days)  -- days since 1970-01-01 -> y, m, d (proleptic Gregorian)
  local z = days + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return m <= 2 and y + 1 or y, m, d
end
local function logline(msg)
  local secs = 1257894000 + G.now() // 1000000000
  local y, m, d = civil(secs // 86400)
  local t = secs % 86400
  local text = sfmt("%04d/%02d/%02d %02d:%02d:%02d ", y, m, d, t // 3600, t // 60 % 60, t % 60) .. msg
  if ssub(text, -1) == "\n" then text = ssub(text, 1, -2) end
  for line in (text .. "\n"):gmatch("(.-)\n") do print(line) end
end
function G.logln(args) logline(G.sprintln(args)) end
function G.logv(args) logline(G.sprint(args)) end
function G.logf(f, args) logline(G.sprintf(f, args)) end
function G.errorf(f, args)
  local wrapped
  local n = 0
  for verb in f:gmatch("%%[-+# 0]*[%d.*]*(.)") do
    if verb == "w" then
      wrapped = args and args.a[args.o + n + 1]
      break
    end
    if verb ~= "%" then n = n + 1 end
  end
  local msg = G.sprintf(f, args)
  if wrapped ~= nil then return {t = WRAPT, v = {msg = msg, err = wrapped}} end
  return {t = ERRT, v = {s = msg}}
end

-- ---- time ------------------------------------------------------------------------------------
durstr = function(d)
  -- time.Duration.String
  if d == 0 then return "0s" end
  local neg = d < 0
  local u = neg and -d or d
  local s
  if u < 1000 then
    s = sfmt("%dns", u)
  elseif u < 1000000 then
    s = G.fracstr(u, 3) .. "µs"
  elseif u < 1000000000 then
    s = G.fracstr(u, 6) .. "ms"
  else
    local h = u // 3600000000000
    local rest = u % 3600000000000
    local m = rest // 60000000000
    local sec = rest % 60000000000
    s = G.fracstr(sec, 9) .. "s"
    if h > 0 then s = sfmt("%dh%dm", h, m) .. s
    elseif m > 0 then s = sfmt("%dm", m) .. s end
  end
  return neg and ("-" .. s) or s
end
-- v / 10^digits with the fraction's trailing zeros removed ("1.5", "2").
function G.fracstr(v, digits)
  local p = 10 ^ digits // 1
  local int, frac = v // p, v % p
  if frac == 0 then return sfmt("%d", int) end
  local f = sfmt("%0" .. digits .. "d", frac):gsub("0+$", "")
  return sfmt("%d", int) .. "." .. f
end
G.F = {}
-- strings.Builder (see sbwrite).
function G.builder() return {sb = true, parts = {}, n = 0} end
local function sbnn(b)
  if b == nil then G.np() end
  return b
end
G.F.Builder_WriteString = function(b, s)
  sbwrite(sbnn(b), s)
  return #s, nil
end
G.F.Builder_WriteByte = function(b, c)
  sbwrite(sbnn(b), string.char(c))
  return nil
end
G.F.Builder_WriteRune = function(b, r)
  local s = G.rstr(r)
  sbwrite(sbnn(b), s)
  return #s, nil
end
G.F.Builder_String = function(b)
  sbnn(b)
  if #b.parts > 1 then b.parts = {table.concat(b.parts)} end
  return b.parts[1] or ""
end
G.F.Builder_Len = function(b) return sbnn(b).n end
G.F.Builder_Reset = function(b)
  sbnn(b)
  b.parts, b.n = {}, 0
end
G.F.Builder_Grow = function(b, k)
  sbnn(b)
  if k < 0 then G.panic({t = STR, v = "strings.Builder.Grow: negative count"}) end
end
G.F.Duration_String = durstr
-- Go's Duration methods: integer parts truncate toward zero; a float part is whole units plus
-- the remainder's fraction, computed as Go computes it.
local function tquo(a, b)
  local q = a // b
  if q < 0 and q * b ~= a then q = q + 1 end
  return q, a - q * b
end
local function units(d, unit)
  local q, r = tquo(d, unit)
  return q + r / unit
end
G.F.Duration_Seconds = function(d) return units(d, 1000000000) end
G.F.Duration_Minutes = function(d) return units(d, 60000000000) end
G.F.Duration_Hours = function(d) return units(d, 3600000000000) end
G.F.Duration_Milliseconds = function(d) return (tquo(d, 1000000)) end
G.F.Duration_Microseconds = function(d) return (tquo(d, 1000)) end
G.F.Duration_Nanoseconds = function(d) return d end
function G.sleep(d) if d > 0 then sleep(d / 1e6) end end
function G.after(d) return after(d > 0 and d / 1e6 or 0) end
function G.tick(d) if d <= 0 then return nil end return ticker(d / 1e6) end
function G.now() return tointeger(math.floor(now() * 1e6 + 0.5)) or 0 end
function G.since(t) return G.now() - t end
G.F.Time_Sub = function(a, b) return a - b end
G.F.Time_Add = function(t, d) return t + d end
G.F.Time_Before = function(a, b) return a < b end
G.F.Time_After = function(a, b) return a > b end
local function nn(x) if x == nil then G.np() end return x end
-- time.NewTimer / NewTicker: a table with the channel C (the script API's timer and ticker).
function G.newtimer(d) return {C = timer(d > 0 and d / 1e6 or 0)} end
function G.newticker(d)
  if d <= 0 then error("non-positive interval for NewTicker", 0) end
  return {C = ticker(d / 1e6)}
end
G.F.Timer_Stop = function(t) return nn(t).C:stop() end
G.F.Timer_Reset = function(t, d) return nn(t).C:reset(d > 0 and d / 1e6 or 0) end
G.F.Ticker_Stop = function(t) nn(t).C:stop() end

-- ---- math/rand: drawn from the run's seed (math.random is seeded by the run), so a run
-- replays exactly; rand.Seed is accepted and changes nothing (Go 1.20 deprecated it too).
function G.randn(n)
  if n <= 0 then error("invalid argument to Intn", 0) end
  return math.random(0, n - 1)
end
function G.randint() return math.random(0, math.maxinteger) end
function G.randf() return math.random() end
function G.randperm(n)
  if n < 0 then error("invalid argument to Perm", 0) end
  local a = {}  -- 1-based, as every slice's array
  for i = 0, n - 1 do
    local j = math.random(0, i)
    a[i + 1] = a[j + 1]
    a[j + 1] = i
  end
  return {a = a, o = 0, n = n, c = n}
end
function G.randshuffle(n, swap)
  if n < 0 then error("invalid argument to Shuffle", 0) end
  for i = n - 1, 1, -1 do swap(i, math.random(0, i)) end
end
function G.randseed() end

-- ---- sync ------------------------------------------------------------------------------------
G.F.WaitGroup_Add = function(w, n) nn(w):add(n) end
G.F.WaitGroup_Done = function(w) nn(w):done() end
G.F.WaitGroup_Wait = function(w) nn(w):wait() end
G.F.WaitGroup_Go = function(w, f, name)
  nn(w):add(1)
  G.go(name, function() f() w:done() end)
end
G.F.Mutex_Lock = function(m) nn(m):lock() end
G.F.Mutex_Unlock = function(m) nn(m):unlock() end
G.F.Mutex_TryLock = function(m) return nn(m):try_lock() end
G.F.RWMutex_Lock = G.F.Mutex_Lock
G.F.RWMutex_Unlock = G.F.Mutex_Unlock
G.F.RWMutex_TryLock = G.F.Mutex_TryLock
G.F.RWMutex_RLock = function(m) nn(m):rlock() end
G.F.RWMutex_RUnlock = function(m) nn(m):runlock() end
-- rw.RLocker(): a sync.Locker whose Lock/Unlock are rw's RLock/RUnlock, Go's *sync.rlocker
-- (the same one for every call, as Go's is rw itself): the script's rw:rlocker().
local RLOCKER = {k = "ptr", name = "*sync.rlocker", e = {k = "foreign", name = "sync.rlocker",
  m = {Lock = function(r) r:lock() end, Unlock = function(r) r:unlock() end},
  pm = {Lock = true, Unlock = true}}}
local rlockers = setmetatable({}, {__mode = "k"})
G.F.RWMutex_RLocker = function(m)
  nn(m)
  local r = rlockers[m]
  if r == nil then
    r = {t = RLOCKER, v = m:rlocker()}
    rlockers[m] = r
  end
  return r
end
-- sync.Cond: {L = its Locker (a Go interface value, read and set as any field)}, the only field
-- the Variables pane shows; the rest is kept aside in condm[c]: name = the variable or field it
-- was made in, rc = the script's cond behind it, rl = the L rc has, used = Wait, Signal or
-- Broadcast was called, copied = a copy of a used one (G.condcp).
-- NewCond makes rc at once; a sync.Cond value (G.condv, L nil) at its first Wait, Signal or
-- Broadcast, with the L it has then, so the views show the L a program sets by hand. A Wait after
-- `c.L = l` gives rc the new L (set_locker). The script's cond takes a *sync.Mutex or
-- *sync.RWMutex as its mutex or rwmutex, an RLocker as its rlocker, and any other Locker as a
-- locker whose lock/unlock call the Go methods, named after its type; a nil L panics in Wait.
local condm = setmetatable({}, {__mode = "k"})
local function lualocker(l)
  if l == nil then return nil end
  local t = l.t
  if t == RLOCKER then return l.v end
  local e = t.k == "ptr" and t.e
  if e and e.k == "foreign" and (e.name == "sync.Mutex" or e.name == "sync.RWMutex") then
    return l.v
  end
  return setmetatable({lock = function() G.icall(l, "Lock") end,
                       unlock = function() G.icall(l, "Unlock") end}, {__name = t.name})
end
local function rcond(c)
  nn(c)
  local m = condm[c]
  if m == nil then
    m = {name = ""}
    condm[c] = m
  end
  if m.copied then G.panic({t = STR, v = "sync.Cond is copied"}) end
  m.used = true
  local l = c.L
  if m.rc == nil then
    m.rc = cond(lualocker(l), m.name ~= "" and m.name or nil)
    m.rl = l
  elseif m.rl ~= l then
    m.rc:set_locker(lualocker(l))
    m.rl = l
  end
  return m.rc
end
function G.condv(name)
  local c = {}
  condm[c] = {name = name or ""}
  return c
end
-- A copy of a sync.Cond value: its own Cond with the same L; but a copy of one already used is
-- unusable, and so are its copies (Go's copyChecker: it panics "sync.Cond is copied" at its
-- first Wait, Signal or Broadcast).
function G.condcp(c)
  if c == nil then return nil end
  local m = condm[c] or {}
  local d = {L = c.L}
  condm[d] = {name = m.name or "", copied = m.used or m.copied}
  return d
end
G.F.Cond_Wait = function(c) rcond(c):wait() end
G.F.Cond_Signal = function(c) rcond(c):signal() end
G.F.Cond_Broadcast = function(c) rcond(c):broadcast() end
function G.newcond(l, name)
  local c = {L = l}
  condm[c] = {name = name, rc = cond(lualocker(l), name ~= "" and name or nil), rl = l}
  return c
end
function G.once() return {done = false} end
G.F.Once_Do = function(o, f)
  nn(o)
  if not o.m then o.m = mutex("once") end
  o.m:lock()
  if not o.done then
    o.done = true
    local ok, e = pcall(f)
    o.m:unlock()
    if not ok then error(e, 0) end
    return
  end
  o.m:unlock()
end
for _, n in ipairs({"Int64", "Int32", "Uint64", "Uint32"}) do
  local w = n == "Int32" and G.w32 or n == "Uint32" and function(v) return v & 0xFFFFFFFF end or
            function(v) return v end
  G.F[n .. "_Add"] = function(a, d) return w(nn(a):add(d)) end
  G.F[n .. "_Load"] = function(a) return w(nn(a):load()) end
  G.F[n .. "_Store"] = function(a, v) nn(a):store(v) end
  G.F[n .. "_Swap"] = function(a, v) return w(nn(a):swap(v)) end
  G.F[n .. "_CompareAndSwap"] = function(a, o, v) return nn(a):compare_and_swap(o, v) end
end
-- sync.Map: keys are interface values; keys of the same dynamic type and value are one entry
-- (pointers and channels by identity, structs by their fields). Range visits the entries in an
-- order drawn from the run's seed, as Go's leaves it unspecified.
local ANY = {k = "iface", name = "interface {}"}
local function skey(k) return kenc(ANY, k) end
function G.smap() return {m = G.mkm()} end
G.F.Map_Load = function(sm, k)
  local e = nn(sm).m.d[skey(k)]
  if e == nil then return nil, false end
  return e.v, true
end
G.F.Map_Store = function(sm, k, v) G.mset(nn(sm).m, skey(k), {k = k, v = v}) end
G.F.Map_LoadOrStore = function(sm, k, v)
  local e = nn(sm).m.d[skey(k)]
  if e ~= nil then return e.v, true end
  G.mset(sm.m, skey(k), {k = k, v = v})
  return v, false
end
G.F.Map_LoadAndDelete = function(sm, k)
  local nk = skey(k)
  local e = nn(sm).m.d[nk]
  if e == nil then return nil, false end
  G.mdel(sm.m, nk)
  return e.v, true
end
G.F.Map_Delete = function(sm, k) G.mdel(nn(sm).m, skey(k)) end
G.F.Map_Range = function(sm, f)
  for _, nk in ipairs(G.mkeys(nn(sm).m)) do
    local e = sm.m.d[nk]
    if e ~= nil and not f(e.k, e.v) then return end
  end
end
-- go() with the goroutine's name when the caller knows it.
function G.go(name, f) if name then return go(name, f) end return go(f) end
-- errgroup.Group as golang.org/x/sync's: a WaitGroup, the first error, SetLimit's semaphore
-- channel and WithContext's cancel, so the views show what it is made of.
function G.egroup(name) return {wg = waitgroup(name ~= "" and name or nil), name = name} end
function G.egwithctx(p, name)
  local g = G.egroup(name or "errgroup")
  local ctx, cancel = G.withcancel(p, name and name .. ".ctx")
  g.cancel = cancel
  return g, ctx
end
local function egrun(g, f, name)
  g.wg:add(1)
  G.go(name, function()
    local err = f()
    if err ~= nil and not g.errset then
      g.errset = true
      g.err = err
      if g.cancel then g.cancel() end
    end
    if g.sem then g.sem:recv() end
    g.wg:done()
  end)
end
G.F.Group_Go = function(g, f, name)
  if nn(g).sem then g.sem:send(true) end
  egrun(g, f, name)
end
G.F.Group_TryGo = function(g, f, name)
  if nn(g).sem then
    local took = select {
      on_send(g.sem, true, function() return true end),
      default = function() return false end,
    }
    if not took then return false end
  end
  egrun(g, f, name)
  return true
end
G.F.Group_Wait = function(g)
  nn(g).wg:wait()
  if g.cancel then g.cancel() end
  return g.err
end
G.F.Group_SetLimit = function(g, n)
  nn(g)
  if n < 0 then
    g.sem = nil
    return
  end
  if g.sem and g.sem:len() ~= 0 then
    error(sfmt("errgroup: modify limit while %d goroutines in the group are still active", g.sem:len()), 0)
  end
  g.sem = chan(n, (g.name ~= "" and g.name or "errgroup") .. ".sem")
end
-- atomic.Value: {v = the interface value stored, nil before the first Store}. Each method is
-- one call of the support library, which no other goroutine interleaves; Store and the others
-- panic as Go's on nil and on a value of another type than the first one stored.
function G.avalue() return {} end
local function avcheck(a, v, what)
  nn(a)
  if v == nil then G.panic({t = STR, v = "sync/atomic: " .. what .. " of nil value into Value"}) end
  if a.v ~= nil and a.v.t ~= v.t then
    G.panic({t = STR, v = "sync/atomic: " .. what .. " of inconsistently typed value into Value"})
  end
end
G.F.Value_Load = function(a) return nn(a).v end
G.F.Value_Store = function(a, v)
  avcheck(a, v, "store")
  a.v = v
end
G.F.Value_Swap = function(a, v)
  avcheck(a, v, "swap")
  local old = a.v
  a.v = v
  return old
end
G.F.Value_CompareAndSwap = function(a, old, v)
  avcheck(a, v, "compare and swap")
  if a.v ~= nil and old ~= nil and a.v.t ~= old.t then return false end
  if old ~= nil and (old.t.k == "slice" or old.t.k == "map" or old.t.k == "func") then
    G.rte("comparing uncomparable type " .. old.t.name)
  end
  if not ieq(a.v, old) then return false end
  a.v = v
  return true
end
-- atomic.Bool on an atomic integer: 0 or 1.
local function b2i(b) return b and 1 or 0 end
G.F.Bool_Load = function(a) return nn(a):load() ~= 0 end
G.F.Bool_Store = function(a, v) nn(a):store(b2i(v)) end
G.F.Bool_Swap = function(a, v) return nn(a):swap(b2i(v)) ~= 0 end
G.F.Bool_CompareAndSwap = function(a, o, v) return nn(a):compare_and_swap(b2i(o), b2i(v)) end

-- ---- context ---------------------------------------------------------------------------------
-- A context is the runtime's context, or, below a WithValue, a table {u = the runtime's context,
-- k = key, v = value, p = the parent table}: Value walks up the tables; a context derived from
-- one (WithCancel of a WithValue) is {u = its own, p = the parent} and keeps the values.
local function U(c) if type(c) == "table" then return c.u end return c end
local function derive(p, c) if type(p) == "table" then return {u = c, p = p} end return c end
function G.background() return context.background() end
function G.withcancel(p, name)
  if p == nil then error("cannot create context from nil parent", 0) end
  local c, cancel = context.with_cancel(U(p), name)
  return derive(p, c), cancel
end
function G.withtimeout(p, d, name)
  if p == nil then error("cannot create context from nil parent", 0) end
  local c, cancel = context.with_timeout(U(p), d > 0 and d / 1e6 or 0, name)
  return derive(p, c), cancel
end
function G.withdeadline(p, t, name) return G.withtimeout(p, t - G.now(), name) end
function G.withvalue(p, k, v)
  if p == nil then error("cannot create context from nil parent", 0) end
  if k == nil then error("nil key", 0) end
  return {u = U(p), k = k, v = v, p = type(p) == "table" and p or nil}
end
local function ctxerr(s)
  if s == nil then return nil end
  if s == "context canceled" then return G.ECANCELED end
  return G.EDEADLINE
end
-- WithCancelCause: the runtime's cancel takes the cause along (nil: Canceled, as Go's).
function G.withcancelcause(p, name) return G.withcancel(p, name) end
-- Cause: the cause of the cancellation that reached c's nearest cancelable context (kept by the
-- runtime through the cascade), else its Err; nil while it is live.
function G.cause(c)
  local v = U(nn(c)):cause()
  if type(v) == "string" then return ctxerr(v) end
  return v
end
-- AfterFunc (Go 1.21): f runs in a goroutine of its own, named `name`, once c is done; none
-- exists before. stop() is true when it kept f from starting.
-- A nil f: Go fails when the context is done ("go of nil func value"); here at the call.
function G.afterfunc(c, f, name)
  c = U(nn(c))
  if f == nil then error("go of nil func value", 0) end
  return c:after_func(f, name)
end
G.F.Context_Done = function(c) return U(nn(c)):done() end
G.F.Context_Err = function(c) return ctxerr(U(nn(c)):err()) end
G.F.Context_Value = function(c, k)
  nn(c)
  while type(c) == "table" do
    if c.k ~= nil and ieq(c.k, k) then return c.v end
    c = c.p
  end
  return nil
end

-- ---- testing -------------------------------------------------------------------------------
-- A _test.go file runs its tests in the main goroutine, one after another, as `go test -v`
-- prints them: "=== RUN", the t.Log lines at the file:line of their caller (helpers skipped),
-- "--- PASS/FAIL/SKIP: TestX (0.00s)" in the run's virtual time, then PASS or FAIL; a failed
-- run ends with exit status 1, as the test binary does.
local TFILE = "?"
local TLAST = nil  -- the test the last "=== RUN" or log line was of (Go's chattyPrinter)
local function tdecorate(t, s)
  local fr = callers()
  local line = 1
  for i = 1, #fr, 2 do
    if not t.helpers[fr[i + 1]] then line = fr[i]; break end
  end
  if ssub(s, -1) == "\n" then s = ssub(s, 1, -2) end
  s = s:gsub("\n", "\n        ")
  if TLAST ~= nil and TLAST ~= t.name then G.write("=== CONT  " .. t.name .. "\n") end
  TLAST = t.name
  G.write("    " .. TFILE .. ":" .. line .. ": " .. s .. "\n")
end
local function tln(args) local s = G.sprintln(args) return ssub(s, 1, -2) end
G.F.T_Log = function(t, args) tdecorate(t, tln(args)) end
G.F.T_Logf = function(t, f, args) tdecorate(t, G.sprintf(f, args)) end
-- A failing test fails its parents too, as Go's common.Fail.
local function tfail(t)
  while t do
    t.failed = true
    t = t.parent
  end
end
G.F.T_Fail = function(t) tfail(t) end
G.F.T_FailNow = function(t) tfail(t); goexit() end
G.F.T_Error = function(t, args) tdecorate(t, tln(args)); tfail(t) end
G.F.T_Errorf = function(t, f, args) tdecorate(t, G.sprintf(f, args)); tfail(t) end
G.F.T_Fatal = function(t, args) tdecorate(t, tln(args)); G.F.T_FailNow(t) end
G.F.T_Fatalf = function(t, f, args) tdecorate(t, G.sprintf(f, args)); G.F.T_FailNow(t) end
G.F.T_SkipNow = function(t) t.skipped = true; goexit() end
G.F.T_Skip = function(t, args) tdecorate(t, tln(args)); G.F.T_SkipNow(t) end
G.F.T_Skipf = function(t, f, args) tdecorate(t, G.sprintf(f, args)); G.F.T_SkipNow(t) end
G.F.T_Skipped = function(t) return t.skipped end
G.F.T_Failed = function(t) return t.failed end
G.F.T_Name = function(t) return t.name end
G.F.T_Cleanup = function(t, f) t.cleanups[#t.cleanups + 1] = f end
G.F.T_Helper = function(t)
  local fr = callers()
  if fr[2] then t.helpers[fr[2]] = true end
end
-- A test (or a subtest, with its parent): its result line and its subtests' lines are kept in
-- `out` until it ends, as go test -v prints them after the "--- PASS" line of their parent,
-- indented by level.
local function newtest(name, parent)
  return {name = name, parent = parent, level = parent and parent.level + 1 or 0, failed = false,
          skipped = false, cleanups = {}, helpers = {}, out = {}, subnames = {}, paused = {}}
end
-- Runs f(t) in this goroutine, then its cleanups last added first, each as if deferred (a
-- FailNow in one ends only it): the result line, and the panic that ended it, if one did.
local function trun(t, f)
  G.write("=== RUN   " .. t.name .. "\n")
  TLAST = t.name
  -- Its duration, as Go's: the time its function ran (not paused in t.Parallel) and its
  -- cleanups, not the time it waited for its parallel subtests.
  t.start, t.elapsed = G.now(), 0
  local ok, e = pcall(f, t)
  local panicked = not ok and e ~= GOEXIT
  local dur = t.elapsed + (G.now() - t.start)
  -- The subtests that called t.Parallel go on now, together, and this test waits for them.
  if t.barrier then
    t.barrier:close()
    for _, c in ipairs(t.paused) do c.signal:recv() end
  end
  local cleanup_start = G.now()
  for i = #t.cleanups, 1, -1 do
    local ok2, e2 = pcall(t.cleanups[i])
    if not ok2 and e2 ~= GOEXIT and not panicked then panicked, e = true, e2 end
  end
  dur = dur + (G.now() - cleanup_start)
  if panicked then tfail(t) end
  local d = sfmt("%.2fs", dur / 1e9)
  local verdict = t.failed and "FAIL" or t.skipped and "SKIP" or "PASS"
  local line = srep("    ", t.level) .. "--- " .. verdict .. ": " .. t.name .. " (" .. d .. ")\n"
  return line .. concat(t.out), panicked, e
end
-- Starts test t: f runs in this goroutine, or, when it may call t.Parallel (`par`, which the
-- compiler finds in its body), in a goroutine of its own, as Go runs every test, while this one
-- waits until it ends or pauses. Returns trun's results, or nil when t paused (t.Parallel): it
-- then reports itself once it ends, its result into its parent's (or printed, for a top-level
-- test), and tells the parent on its signal channel. (Go's testing names the same channels: a
-- test's signal, its parent's barrier.)
local function tstart(t, f, par)
  if not par then return trun(t, f) end
  t.signal = chan(1, t.name .. ".signal")
  G.go(t.name, function()
    local lines, panicked, e = trun(t, f)
    if not t.isparallel then
      t.result = {lines, panicked, e}
      t.signal:send(false)
      return
    end
    local p = t.parent
    if p.level < 0 then
      G.write(lines)
      TLAST = t.name
    else
      p.out[#p.out + 1] = lines
    end
    if panicked then
      G.flush()
      error(e, 0)  -- Go: a panic in a test ends the test binary
    end
    t.signal:send(false)
  end)
  if t.signal:recv() then return nil end
  return t.result[1], t.result[2], t.result[3]
end
-- t.Parallel: the test pauses ("=== PAUSE"), its parent goes on, and it continues ("=== CONT")
-- with the other paused ones once the parent's function has returned (for a top-level test,
-- once every test has started), the parent waiting for them before it ends. Go also caps how
-- many run at once (-parallel, GOMAXPROCS by default); here all of them run together.
G.F.T_Parallel = function(t)
  if t.isparallel then G.panic({t = STR, v = "testing: t.Parallel called multiple times"}) end
  if not t.signal then
    error("t.Parallel in " .. t.name .. ", whose function is not a literal or a function of " ..
          "the file that calls t.Parallel, is not supported", 0)
  end
  t.isparallel = true
  local p = t.parent
  if not p.barrier then p.barrier = chan(0, (p.level < 0 and "testing" or p.name) .. ".barrier") end
  p.paused[#p.paused + 1] = t
  G.write("=== PAUSE " .. t.name .. "\n")
  TLAST = t.name
  t.elapsed = t.elapsed + (G.now() - t.start)
  t.signal:send(true)
  p.barrier:recv()
  G.write("=== CONT  " .. t.name .. "\n")
  TLAST = t.name
  t.start = G.now()
end
-- t.Run(name, f): the subtest runs now and t waits for it (unless it calls t.Parallel); its
-- name is the parent's, "/", and name with spaces as underscores, "#01", "#02", ... after a name
-- used already. A panic in it ends the run after its parent's report.
G.F.T_Run = function(t, name, f, par)
  name = name:gsub(" ", "_")
  local seen = t.subnames[name]
  t.subnames[name] = (seen or -1) + 1
  if seen or name == "" then name = name .. sfmt("#%02d", (seen or -1) + 1) end
  if f == nil then G.np() end
  local c = newtest(t.name .. "/" .. name, t)
  local lines, panicked, e = tstart(c, f, par)
  if lines == nil then return true end  -- paused: it runs on after t's function returns
  t.out[#t.out + 1] = lines
  if panicked then error(e, 0) end
  return not c.failed
end
-- tests: {{name, fn}, ...} in the file's order; file: the file's name for t.Log's lines.
function G.testmain(tests, file)
  TFILE = file
  if #tests == 0 then G.write("testing: warning: no tests to run\n") end
  local root = newtest("", nil)  -- the top-level tests' parent, as Go's main test
  root.level = -1
  for _, tc in ipairs(tests) do
    local t = newtest(tc[1], root)
    local lines, panicked, e = tstart(t, tc[2], tc[3])
    if lines ~= nil then
      G.write(lines)
      TLAST = t.name
      if panicked then G.flush() error(e, 0) end
    end
  end
  if root.barrier then
    root.barrier:close()
    for _, c in ipairs(root.paused) do c.signal:recv() end
  end
  local any_failed = root.failed
  G.write(any_failed and "FAIL\n" or "PASS\n")
  G.flush()
  if any_failed then exit(1) end
end

-- ---- slices and maps (Go 1.21's packages) ----------------------------------------------------
-- The compiler passes each element type's operations: less (NaN first for floats, as
-- cmp.Less), eq (Go's ==), cp (a copy of a struct value, or nil) and z (a zero value).
function G.flt(a, b) return (a ~= a and b == b) or a < b end
local function gopanic(msg) G.panic({t = STR, v = msg}) end
-- Go's pdqsort (sort/zsortfunc.go, as slices.Sort and SortFunc run it), on d[0..n-1] with
-- lt(x, y) the element order: the same comparisons and swaps, so equal elements end where Go
-- puts them.
local pdqsort_ix
local function pdqsort(d, n, lt)
  pdqsort_ix(n, function(i, j) return lt(d[i], d[j]) end, function(i, j) d[i], d[j] = d[j], d[i] end)
end
-- The same on indices 0..n-1: less(i, j) and swap(i, j), as sort.Slice gives them.
pdqsort_ix = function(n, less, swap)
  local function insertion(a, b)
    for i = a + 1, b - 1 do
      local j = i
      while j > a and less(j, j - 1) do
        swap(j, j - 1)
        j = j - 1
      end
    end
  end
  local function siftdown(lo, hi, first)
    local root = lo
    while true do
      local child = 2 * root + 1
      if child >= hi then return end
      if child + 1 < hi and less(first + child, first + child + 1) then child = child + 1 end
      if not less(first + root, first + child) then return end
      swap(first + root, first + child)
      root = child
    end
  end
  local function heapsort(a, b)
    local first, hi = a, b - a
    for i = (hi - 1) // 2, 0, -1 do siftdown(i, hi, first) end
    for i = hi - 1, 0, -1 do
      swap(first, first + i)
      siftdown(0, i, first)
    end
  end
  local function partition(a, b, pivot)
    swap(a, pivot)
    local i, j = a + 1, b - 1
    while i <= j and less(i, a) do i = i + 1 end
    while i <= j and not less(j, a) do j = j - 1 end
    if i > j then
      swap(j, a)
      return j, true
    end
    swap(i, j)
    i, j = i + 1, j - 1
    while true do
      while i <= j and less(i, a) do i = i + 1 end
      while i <= j and not less(j, a) do j = j - 1 end
      if i > j then break end
      swap(i, j)
      i, j = i + 1, j - 1
    end
    swap(j, a)
    return j, false
  end
  local function partition_equal(a, b, pivot)
    swap(a, pivot)
    local i, j = a + 1, b - 1
    while true do
      while i <= j and not less(a, i) do i = i + 1 end
      while i <= j and less(a, j) do j = j - 1 end
      if i > j then break end
      swap(i, j)
      i, j = i + 1, j - 1
    end
    return i
  end
  local function partial_insertion(a, b)
    local i = a + 1
    for _ = 1, 5 do
      while i < b and not less(i, i - 1) do i = i + 1 end
      if i == b then return true end
      if b - a < 50 then return false end
      swap(i, i - 1)
      if i - a >= 2 then
        for j = i - 1, 1, -1 do
          if not less(j, j - 1) then break end
          swap(j, j - 1)
        end
      end
      if b - i >= 2 then
        for j = i + 1, b - 1 do
          if not less(j, j - 1) then break end
          swap(j, j - 1)
        end
      end
    end
    return false
  end
  local function bitlen(x)
    local l = 0
    while x > 0 do x, l = x >> 1, l + 1 end
    return l
  end
  local function break_patterns(a, b)
    local length = b - a
    if length >= 8 then
      local r = length
      local modulus = 1 << bitlen(length)
      for idx = a + (length // 4) * 2 - 1, a + (length // 4) * 2 + 1 do
        r = r ~ (r << 13)
        r = r ~ (r >> 17)
        r = r ~ (r << 5)
        local other = r & (modulus - 1)
        if other >= length then other = other - length end
        swap(idx, a + other)
      end
    end
  end
  local swaps
  local function order2(a, b)
    if less(b, a) then
      swaps = swaps + 1
      return b, a
    end
    return a, b
  end
  local function median(a, b, c)
    a, b = order2(a, b)
    b, c = order2(b, c)
    a, b = order2(a, b)
    return b
  end
  local function choose_pivot(a, b)
    local l = b - a
    swaps = 0
    local i, j, k = a + l // 4 * 1, a + l // 4 * 2, a + l // 4 * 3
    if l >= 8 then
      if l >= 50 then
        i = median(i - 1, i, i + 1)
        j = median(j - 1, j, j + 1)
        k = median(k - 1, k, k + 1)
      end
      j = median(i, j, k)
    end
    if swaps == 0 then return j, "inc" end
    if swaps == 12 then return j, "dec" end
    return j, "unknown"
  end
  local function pdq(a, b, limit)
    local was_balanced, was_partitioned = true, true
    while true do
      local length = b - a
      if length <= 12 then return insertion(a, b) end
      if limit == 0 then return heapsort(a, b) end
      if not was_balanced then
        break_patterns(a, b)
        limit = limit - 1
      end
      local pivot, hint = choose_pivot(a, b)
      if hint == "dec" then
        local i, j = a, b - 1
        while i < j do
          swap(i, j)
          i, j = i + 1, j - 1
        end
        pivot = (b - 1) - (pivot - a)
        hint = "inc"
      end
      if was_balanced and was_partitioned and hint == "inc" and partial_insertion(a, b) then
        return
      end
      local skip = false
      if a > 0 and not less(a - 1, pivot) then
        a = partition_equal(a, b, pivot)
        skip = true
      end
      if not skip then
        local mid, already = partition(a, b, pivot)
        was_partitioned = already
        local left, right = mid - a, b - mid
        local threshold = length // 8
        if left < right then
          was_balanced = left >= threshold
          pdq(a, mid, limit)
          a = mid + 1
        else
          was_balanced = right >= threshold
          pdq(mid + 1, b, limit)
          b = mid
        end
      end
    end
  end
  pdq(0, n, bitlen(n))
end
-- SortStableFunc: insertion sort of runs, then merges: equal elements keep their order (the one
-- result a stable sort has).
local function isort(t, lo, hi, less)
  for i = lo + 1, hi do
    local j = i
    while j > lo and less(t[j], t[j - 1]) do
      t[j], t[j - 1] = t[j - 1], t[j]
      j = j - 1
    end
  end
end
local function msort(t, n, less)
  local run = 20
  for lo = 1, n, run do isort(t, lo, math.min(lo + run - 1, n), less) end
  local src, dst = t, {}
  while run < n do
    for lo = 1, n, 2 * run do
      local mid, hi = math.min(lo + run, n + 1), math.min(lo + 2 * run, n + 1)
      local i, j, k = lo, mid, lo
      while i < mid and j < hi do
        if less(src[j], src[i]) then dst[k], j = src[j], j + 1 else dst[k], i = src[i], i + 1 end
        k = k + 1
      end
      while i < mid do dst[k], i, k = src[i], i + 1, k + 1 end
      while j < hi do dst[k], j, k = src[j], j + 1, k + 1 end
    end
    src, dst = dst, src
    run = run * 2
  end
  if src ~= t then for i = 1, n do t[i] = src[i] end end
end
-- Sorts the element references, then moves the values: for a struct or array E, copies into
-- the elements' own tables (see append).
local function sortwith(s, less, stable, E)
  if s == nil or s.n < 2 then return end
  local a, o, n = s.a, s.o, s.n
  local t = {}
  if stable then
    for i = 1, n do t[i] = a[o + i] end
    msort(t, n, less)
  else
    local d = {}
    for i = 0, n - 1 do d[i] = a[o + i + 1] end
    pdqsort(d, n, less)
    for i = 1, n do t[i] = d[i - 1] end
  end
  if E then
    for i = 1, n do t[i] = vcopy(E, t[i]) end
  end
  put(s, 0, t, n, E)
end
function G.slsort(s, less) sortwith(s, less, false) end
-- sort.Slice, SliceStable, SliceIsSorted: less(i, j) is the program's function of indices, and
-- it reads the slice as it is being sorted, so the algorithms run on indices, swapping the
-- slice's own elements: pdqsort for Slice, Go 1.19's insertion sort of blocks of 20 and
-- SymMerge for SliceStable (sort/zsortfunc.go), the same calls of less in the same order.
local function slice_swap(s, E)
  local a, o = s.a, s.o
  if E then
    return function(i, j)
      if i ~= j then vswap(E, a[o + i + 1], a[o + j + 1]) end
    end
  end
  return function(i, j) a[o + i + 1], a[o + j + 1] = a[o + j + 1], a[o + i + 1] end
end
function G.sortslice(s, less, E)
  if s == nil or s.n < 2 then return end
  pdqsort_ix(s.n, less, slice_swap(s, E))
end
local function stable_ix(n, less, swap)
  local function insertion(a, b)
    for i = a + 1, b - 1 do
      local j = i
      while j > a and less(j, j - 1) do
        swap(j, j - 1)
        j = j - 1
      end
    end
  end
  local function swap_range(a, b, k)
    for i = 0, k - 1 do swap(a + i, b + i) end
  end
  local function rotate(a, m, b)
    local i, j = m - a, b - m
    while i ~= j do
      if i > j then
        swap_range(m - i, m, j)
        i = i - j
      else
        swap_range(m - i, m + j - i, i)
        j = j - i
      end
    end
    swap_range(m - i, m, i)
  end
  local function sym_merge(a, m, b)
    if m - a == 1 then
      local i, j = m, b
      while i < j do
        local h = (i + j) >> 1
        if less(h, a) then i = h + 1 else j = h end
      end
      for k = a, i - 2 do swap(k, k + 1) end
      return
    end
    if b - m == 1 then
      local i, j = a, m
      while i < j do
        local h = (i + j) >> 1
        if not less(m, h) then i = h + 1 else j = h end
      end
      for k = m, i + 1, -1 do swap(k, k - 1) end
      return
    end
    local mid = (a + b) >> 1
    local nn = mid + m
    local start, r
    if m > mid then
      start, r = nn - b, mid
    else
      start, r = a, m
    end
    local p = nn - 1
    while start < r do
      local c = (start + r) >> 1
      if not less(p - c, c) then start = c + 1 else r = c end
    end
    local stop = nn - start
    if start < m and m < stop then rotate(start, m, stop) end
    if a < start and start < mid then sym_merge(a, start, mid) end
    if mid < stop and stop < b then sym_merge(mid, stop, b) end
  end
  local block = 20
  local a, b = 0, block
  while b <= n do
    insertion(a, b)
    a, b = b, b + block
  end
  insertion(a, n)
  while block < n do
    a, b = 0, 2 * block
    while b <= n do
      sym_merge(a, a + block, b)
      a, b = b, b + 2 * block
    end
    if a + block < n then sym_merge(a, a + block, n) end
    block = block * 2
  end
end
function G.sortslicestable(s, less, E)
  if s == nil or s.n < 2 then return end
  stable_ix(s.n, less, slice_swap(s, E))
end
function G.sortsliceissorted(s, less)
  if s == nil then return true end
  for i = s.n - 1, 1, -1 do
    if less(i, i - 1) then return false end
  end
  return true
end
function G.slsortfunc(s, cmp, cp, stable, E)
  if cp then
    sortwith(s, function(a, b) return cmp(cp(a), cp(b)) < 0 end, stable, E)
  else
    sortwith(s, function(a, b) return cmp(a, b) < 0 end, stable, E)
  end
end
function G.slissorted(s, less)
  if s == nil then return true end
  for i = s.n - 1, 1, -1 do
    if less(s.a[s.o + i + 1], s.a[s.o + i]) then return false end
  end
  return true
end
function G.slindex(s, v, eq)
  if s == nil then return -1 end
  for i = 1, s.n do
    if eq(s.a[s.o + i], v) then return i - 1 end
  end
  return -1
end
function G.slcontains(s, v, eq) return G.slindex(s, v, eq) >= 0 end
function G.slindexfunc(s, f, cp)
  if s == nil then return -1 end
  for i = 1, s.n do
    local v = s.a[s.o + i]
    if f(cp and cp(v) or v) then return i - 1 end
  end
  return -1
end
function G.slcontainsfunc(s, f, cp) return G.slindexfunc(s, f, cp) >= 0 end
function G.slreverse(s, E)
  if s == nil then return end
  local a, o = s.a, s.o
  local i, j = 1, s.n
  while i < j do
    if E then vswap(E, a[o + i], a[o + j]) else a[o + i], a[o + j] = a[o + j], a[o + i] end
    i, j = i + 1, j - 1
  end
end
-- Max and Min as Go's builtin max and min fold them: a NaN wins, max(-0.0, 0.0) is 0.0.
function G.slminmax(s, less, ismax, isf, name)
  if s == nil or s.n < 1 then gopanic(name .. ": empty list") end
  local m = s.a[s.o + 1]
  for i = 2, s.n do
    local v = s.a[s.o + i]
    if isf then
      if m ~= m then
        break
      elseif v ~= v then
        m = v
      elseif v == 0 and m == 0 then
        if (ismax and 1 / m < 0) or (not ismax and 1 / m > 0) then m = v end
      elseif (ismax and v > m) or (not ismax and v < m) then
        m = v
      end
    elseif (ismax and less(m, v)) or (not ismax and less(v, m)) then
      m = v
    end
  end
  return m
end
function G.slequal(x, y, eq)
  local n = x and x.n or 0
  if n ~= (y and y.n or 0) then return false end
  for i = 1, n do
    if not eq(x.a[x.o + i], y.a[y.o + i]) then return false end
  end
  return true
end
-- The values of a slice, as Insert's variadic argument: {n = count, ...} (copied: v may be s).
function G.slvals(v)
  local t = {n = v and v.n or 0}
  for i = 1, t.n do t[i] = v.a[v.o + i] end
  return t
end
-- Insert and Delete as Go 1.22's (bounds checked first; Delete zeroes the elements it frees).
-- (E as append's: vals are copied first, since they may be s's own elements.)
function G.slinsert(s, es, i, vals, E)
  local n = s and s.n or 0
  if i < 0 then rte("slice bounds out of range [" .. i .. ":]") end
  if i > n then rte("slice bounds out of range [" .. i .. ":" .. n .. "]") end
  local m = vals.n
  if m == 0 then return s end
  if E then
    for k = 1, m do vals[k] = vcopy(E, vals[k]) end
  end
  if i == n then return append(s, es, m, vals, 0, E) end
  local a, o = s.a, s.o
  if n + m > s.c then  -- append(s[:i], make(S, n+m-i)...): a new array, grown as append grows
    local t = {}
    for k = 1, i do t[k] = E and vcopy(E, a[o + k]) or a[o + k] end
    for k = 1, m do t[i + k] = vals[k] end
    for k = i + 1, n do t[m + k] = E and vcopy(E, a[o + k]) or a[o + k] end
    local c = growcap(s.c, n + m, es)
    if E then
      for k = n + m + 1, c do t[k] = zv(E, "") end
    end
    return {a = t, o = 0, n = n + m, c = c}
  end
  for k = n, i + 1, -1 do
    local d = a[o + k + m]
    if E and d ~= nil then vset(E, d, a[o + k]) else a[o + k + m] = E and vcopy(E, a[o + k]) or a[o + k] end
  end
  put(s, i, vals, m, E)
  return {a = a, o = o, n = n + m, c = s.c}
end
function G.sldelete(s, i, j, z, E)
  local n = s and s.n or 0
  if j < 0 then rte("slice bounds out of range [:" .. j .. ":]") end
  if j > n then rte("slice bounds out of range [:" .. j .. ":" .. n .. "]") end
  if i < 0 then rte("slice bounds out of range [" .. i .. "::]") end
  if i > j then rte("slice bounds out of range [" .. i .. ":" .. j .. ":]") end
  if i == j then return s end
  local a, o, d = s.a, s.o, j - i
  if E then
    for k = j + 1, n do vset(E, a[o + k - d], a[o + k]) end
    for k = n - d + 1, n do vset(E, a[o + k], z()) end
  else
    for k = j + 1, n do a[o + k - d] = a[o + k] end
    for k = n - d + 1, n do a[o + k] = z() end
  end
  return {a = a, o = o, n = n - d, c = s.c}
end
function G.slbsearch(s, t, less)
  local n = s and s.n or 0
  local i, j = 0, n
  while i < j do
    local h = (i + j) // 2
    if less(s.a[s.o + h + 1], t) then i = h + 1 else j = h end
  end
  if i < n then
    local v = s.a[s.o + i + 1]
    return i, v == t or (v ~= v and t ~= t)
  end
  return i, false
end
-- Clone: append(s[:0:0], s...), nil for nil.
function G.slclone(s, es, cp, E)
  if s == nil then return nil end
  local t = {}
  for i = 1, s.n do
    local v = s.a[s.o + i]
    if cp then v = cp(v) end
    t[i] = v
  end
  return append({a = {}, o = 0, n = 0, c = 0}, es, s.n, t, 0, E)
end
local function mval(v, cp)
  if v == NILV then return nil end
  if cp then return cp(v) end
  return v
end
function G.mclone(m, cp)
  if m == nil then return nil end
  local r = G.mkm()
  for k, v in pairs(m.d) do
    if cp and v ~= NILV then v = cp(v) end
    r.d[k] = v
  end
  r.n = m.n
  if m.k then  -- the keys stored are never changed in place: the clone shares them
    r.k = {}
    for k, key in pairs(m.k) do r.k[k] = key end
  end
  return r
end
function G.mcopy(dst, src, cp)
  if src == nil then return end
  for k, v in pairs(src.d) do
    if cp and v ~= NILV then v = cp(v) end
    G.mset(dst, k, v)
    if src.k then
      dst.k = dst.k or {}
      dst.k[k] = src.k[k]
    end
  end
end
function G.mequal(m1, m2, eq)
  if G.mlen(m1) ~= G.mlen(m2) then return false end
  if m1 == nil then return true end
  for k, v1 in pairs(m1.d) do
    local v2 = m2.d[k]
    if v2 == nil or not eq(mval(v1), mval(v2)) then return false end
  end
  return true
end
function G.mequalfunc(m1, m2, eq, cp1, cp2)
  if G.mlen(m1) ~= G.mlen(m2) then return false end
  if m1 == nil then return true end
  for _, k in ipairs(G.mkeys(m1)) do
    local v2 = m2.d[k]
    if v2 == nil or not eq(mval(m1.d[k], cp1), mval(v2, cp2)) then return false end
  end
  return true
end
function G.mdeletefunc(m, del, cp, kcp)
  if m == nil then return end
  for _, k in ipairs(G.mkeys(m)) do
    local v = m.d[k]
    if v ~= nil then
      local key = k
      if m.k then key = mval(m.k[k], kcp) end
      if del(key, mval(v, cp)) then
        if m.k then m.k[k] = nil end
        G.mdel(m, k)
      end
    end
  end
end

return G
