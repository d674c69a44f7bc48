#include "models/torch_pickle.h"

#include <bit>
#include <cstdio>
#include <cstring>
#include <map>

#include "drs/error.h"

namespace drs::models {
namespace {

constexpr std::size_t kMaxDepthItems = 1u << 20;  // bound on stack/memo size (hostile files)

using Kind = PickleValue::Kind;

PickleValuePtr make(Kind kind) {
  auto v = std::make_shared<PickleValue>();
  v->kind = kind;
  return v;
}

// Storage class name -> safetensors dtype.
std::string storageDtype(const std::string& global) {
  static const std::map<std::string, std::string> dtypes{
      {"torch.HalfStorage", "F16"},      {"torch.FloatStorage", "F32"},
      {"torch.BFloat16Storage", "BF16"}, {"torch.DoubleStorage", "F64"},
      {"torch.LongStorage", "I64"},      {"torch.IntStorage", "I32"},
      {"torch.ShortStorage", "I16"},     {"torch.CharStorage", "I8"},
      {"torch.ByteStorage", "U8"},       {"torch.BoolStorage", "BOOL"}};
  const auto it = dtypes.find(global);
  return it == dtypes.end() ? std::string() : it->second;
}

bool allowedGlobal(const std::string& name) {
  return name == "collections.OrderedDict" || name == "torch._utils._rebuild_tensor_v2" ||
         name == "torch._utils._rebuild_parameter" || !storageDtype(name).empty();
}

bool torchScriptClass(const std::string& name) {
  return name.rfind("__torch__.", 0) == 0 && name.size() > 10;
}

// TorchScript's typed containers: each returns its (first) argument unchanged.
bool torchScriptPassThrough(const std::string& name) {
  return name == "torch.jit._pickle.build_intlist" ||
         name == "torch.jit._pickle.build_doublelist" ||
         name == "torch.jit._pickle.build_boollist" ||
         name == "torch.jit._pickle.build_tensorlist" ||
         name == "torch.jit._pickle.restore_type_tag";
}

class Machine {
 public:
  Machine(std::span<const std::byte> bytes, std::string origin, bool torchscript)
      : in_(bytes), origin_(std::move(origin)), torchscript_(torchscript) {}

  PickleValuePtr run() {
    while (true) {
      const auto op = static_cast<unsigned char>(u8());
      if (op == '.') return pop();
      step(op);
    }
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw Error(ErrorKind::ModelCorrupt,
                origin_ + ": data.pkl at byte " + std::to_string(pos_) + ": " + why);
  }

  std::span<const std::byte> take(std::size_t n) {
    if (in_.size() - pos_ < n) fail("truncated");
    auto s = in_.subspan(pos_, n);
    pos_ += n;
    return s;
  }
  std::byte u8() { return take(1)[0]; }
  std::uint64_t uint(std::size_t n) {
    const auto s = take(n);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(s[i]) << (8 * i);
    return v;
  }
  std::string str(std::size_t n) {
    const auto s = take(n);
    return {reinterpret_cast<const char*>(s.data()), s.size()};
  }
  std::string line() {
    std::string out;
    for (char c = static_cast<char>(u8()); c != '\n'; c = static_cast<char>(u8())) out += c;
    return out;
  }

  void push(PickleValuePtr v) {
    if (stack_.size() > kMaxDepthItems) fail("stack too deep");
    stack_.push_back(std::move(v));
  }
  PickleValuePtr pop() {
    if (stack_.empty() || !stack_.back()) fail("stack underflow");
    auto v = stack_.back();
    stack_.pop_back();
    return v;
  }
  PickleValuePtr& top() {
    if (stack_.empty() || !stack_.back()) fail("stack underflow");
    return stack_.back();
  }
  // Items above the last MARK (nullptr entries are marks).
  std::vector<PickleValuePtr> popMark() {
    std::vector<PickleValuePtr> items;
    while (true) {
      if (stack_.empty()) fail("MARK missing");
      auto v = stack_.back();
      stack_.pop_back();
      if (!v) break;
      items.push_back(std::move(v));
    }
    return {items.rbegin(), items.rend()};
  }
  void memoPut(std::uint64_t index) {
    if (index > kMaxDepthItems) fail("memo index too large");
    if (memo_.size() <= index) memo_.resize(index + 1);
    memo_[index] = top();
  }
  PickleValuePtr memoGet(std::uint64_t index) {
    if (index >= memo_.size() || !memo_[index])
      fail("memo entry " + std::to_string(index) + " missing");
    return memo_[index];
  }
  PickleValuePtr integer(std::int64_t v) {
    auto p = make(Kind::Int);
    p->integer = v;
    return p;
  }
  PickleValuePtr string(std::string s) {
    auto p = make(Kind::String);
    p->text = std::move(s);
    return p;
  }
  PickleValuePtr tuple(std::vector<PickleValuePtr> items) {
    auto p = make(Kind::Tuple);
    p->items = std::move(items);
    return p;
  }
  PickleValuePtr global(const std::string& module, const std::string& name) {
    const std::string full = module + "." + name;
    if (!allowedGlobal(full) &&
        !(torchscript_ && (torchScriptClass(full) || torchScriptPassThrough(full))))
      fail("refusing global " + full + " (not a plain tensor checkpoint)");
    auto p = make(Kind::Global);
    p->text = full;
    return p;
  }
  void setItems(const std::vector<PickleValuePtr>& kv) {
    auto& dict = top();
    if (dict->kind != Kind::Dict || kv.size() % 2 != 0) fail("SETITEMS on a non-dict");
    for (std::size_t i = 0; i < kv.size(); i += 2) dict->dict.emplace_back(kv[i], kv[i + 1]);
  }
  void appendItems(const std::vector<PickleValuePtr>& items) {
    auto& list = top();
    if (list->kind != Kind::List) fail("APPENDS on a non-list");
    list->items.insert(list->items.end(), items.begin(), items.end());
  }

  static std::vector<std::int64_t> ints(const PickleValuePtr& v, bool& ok) {
    std::vector<std::int64_t> out;
    ok = v->kind == Kind::Tuple || v->kind == Kind::List;
    for (const auto& item : v->items) {
      ok = ok && item->kind == Kind::Int;
      out.push_back(item->integer);
    }
    return out;
  }

  PickleValuePtr reduce(const PickleValuePtr& callable, const PickleValuePtr& args) {
    if (callable->kind != Kind::Global || args->kind != Kind::Tuple) fail("REDUCE of a non-global");
    const std::string& f = callable->text;
    if (torchScriptPassThrough(f)) {
      if (args->items.empty()) fail(f + " without an argument");
      return args->items[0];
    }
    if (f == "collections.OrderedDict") {
      if (!args->items.empty()) fail("OrderedDict with arguments");
      return make(Kind::Dict);
    }
    if (f == "torch._utils._rebuild_parameter") {
      if (args->items.empty() || args->items[0]->kind != Kind::Tensor)
        fail("bad _rebuild_parameter");
      return args->items[0];
    }
    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks[, metadata])
    const auto& a = args->items;
    if (f != "torch._utils._rebuild_tensor_v2" || a.size() < 4 || a[0]->kind != Kind::Storage ||
        a[1]->kind != Kind::Int)
      fail("bad call of " + f);
    auto t = make(Kind::Tensor);
    t->tensor = a[0]->tensor;
    t->tensor.offset = a[1]->integer;
    bool okShape = false;
    bool okStride = false;
    t->tensor.shape = ints(a[2], okShape);
    t->tensor.stride = ints(a[3], okStride);
    if (!okShape || !okStride || t->tensor.shape.size() != t->tensor.stride.size())
      fail("tensor with a malformed size/stride");
    return t;
  }

  // NEWOBJ of a TorchScript class: an empty attribute container (nothing is constructed).
  PickleValuePtr newObject(const PickleValuePtr& cls, const PickleValuePtr& args) {
    if (cls->kind != Kind::Global || !torchScriptClass(cls->text))
      fail("NEWOBJ of " + (cls->kind == Kind::Global ? cls->text : std::string("a non-class")));
    if (args->kind != Kind::Tuple || !args->items.empty()) fail("NEWOBJ with arguments");
    auto object = make(Kind::Object);
    object->text = cls->text;
    return object;
  }

  // BUILD: a TorchScript object takes its state dict as attributes; any other state
  // (e.g. a state dict's _metadata) is not needed.
  void build(const PickleValuePtr& state) {
    auto& target = top();
    if (target->kind != Kind::Object) return;
    if (state->kind != Kind::Dict) fail("BUILD of " + target->text + " with a non-dict state");
    if (!target->dict.empty()) fail("BUILD of " + target->text + " twice");
    target->dict = state->dict;
  }

  // ('storage', torch.XStorage, key, location, numel)
  PickleValuePtr persistent(const PickleValuePtr& pid) {
    const auto& p = pid->items;
    if (pid->kind != Kind::Tuple || p.size() != 5 || p[0]->kind != Kind::String ||
        p[0]->text != "storage" || p[1]->kind != Kind::Global || p[2]->kind != Kind::String ||
        p[4]->kind != Kind::Int)
      fail("unsupported persistent id");
    auto s = make(Kind::Storage);
    s->tensor.dtype = storageDtype(p[1]->text);
    s->tensor.storageKey = p[2]->text;
    s->tensor.storageNumel = p[4]->integer;
    if (s->tensor.dtype.empty() || s->tensor.storageNumel < 0) fail("bad storage " + p[1]->text);
    return s;
  }

  void step(unsigned char op) {
    switch (op) {
      case 0x80: u8(); break;     // PROTO
      case 0x95: take(8); break;  // FRAME
      case '}': push(make(Kind::Dict)); break;
      case ']': push(make(Kind::List)); break;
      case ')': push(tuple({})); break;
      case '(': stack_.push_back(nullptr); break;  // MARK
      case 'q': memoPut(uint(1)); break;
      case 'r': memoPut(uint(4)); break;
      case 0x94: memoPut(memo_.size()); break;  // MEMOIZE
      case 'h': push(memoGet(uint(1))); break;
      case 'j': push(memoGet(uint(4))); break;
      case 'X': push(string(str(uint(4)))); break;
      case 0x8c: push(string(str(uint(1)))); break;
      case 0x8d: push(string(str(uint(8)))); break;
      case 'T': push(string(str(uint(4)))); break;  // BINSTRING
      case 'U': push(string(str(uint(1)))); break;  // SHORT_BINSTRING
      case 'B': push(string(str(uint(4)))); break;  // BINBYTES
      case 'C': push(string(str(uint(1)))); break;  // SHORT_BINBYTES
      case 'K': push(integer(static_cast<std::int64_t>(uint(1)))); break;
      case 'M': push(integer(static_cast<std::int64_t>(uint(2)))); break;
      case 'J': push(integer(static_cast<std::int32_t>(uint(4)))); break;
      case 0x8a: {  // LONG1: little-endian two's complement of n <= 8 bytes
        const std::size_t n = uint(1);
        if (n > 8) fail("integer too large");
        std::uint64_t v = n ? uint(n) : 0;
        if (n > 0 && n < 8 && (v >> (8 * n - 1)) & 1) v |= ~0ULL << (8 * n);
        push(integer(static_cast<std::int64_t>(v)));
        break;
      }
      case 'G': {  // BINFLOAT, big-endian
        const auto raw = take(8);
        std::uint64_t bits = 0;
        for (const std::byte b : raw) bits = (bits << 8) | static_cast<std::uint64_t>(b);
        auto p = make(Kind::Float);
        p->number = std::bit_cast<double>(bits);
        push(p);
        break;
      }
      case 'N': push(make(Kind::None)); break;
      case 0x88:
      case 0x89: {
        auto p = make(Kind::Bool);
        p->boolean = op == 0x88;
        push(p);
        break;
      }
      case 't': push(tuple(popMark())); break;
      case 0x85: push(tuple({pop()})); break;
      case 0x86: {
        auto b = pop();
        auto a = pop();
        push(tuple({a, b}));
        break;
      }
      case 0x87: {
        auto c = pop();
        auto b = pop();
        auto a = pop();
        push(tuple({a, b, c}));
        break;
      }
      case 'c': {
        const std::string module = line();
        const std::string name = line();
        push(global(module, name));
        break;
      }
      case 0x93: {  // STACK_GLOBAL
        auto name = pop();
        auto module = pop();
        if (module->kind != Kind::String || name->kind != Kind::String) fail("bad STACK_GLOBAL");
        push(global(module->text, name->text));
        break;
      }
      case 'R': {
        auto args = pop();
        auto callable = pop();
        push(reduce(callable, args));
        break;
      }
      case 'Q': push(persistent(pop())); break;
      case 's': {
        auto v = pop();
        auto k = pop();
        setItems({k, v});
        break;
      }
      case 'u': setItems(popMark()); break;
      case 'a': appendItems({pop()}); break;
      case 'e': appendItems(popMark()); break;
      case 'b': {  // BUILD
        auto state = pop();
        build(state);
        break;
      }
      case 0x81: {  // NEWOBJ
        auto args = pop();
        auto cls = pop();
        push(newObject(cls, args));
        break;
      }
      default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", op);
        fail(std::string("unsupported pickle opcode ") + hex);
      }
    }
  }

  std::span<const std::byte> in_;
  std::string origin_;
  bool torchscript_ = false;
  std::size_t pos_ = 0;
  std::vector<PickleValuePtr> stack_;  // nullptr = MARK
  std::vector<PickleValuePtr> memo_;
};

}  // namespace

PickleValuePtr unpickleCheckpoint(std::span<const std::byte> pickle, const std::string& origin) {
  return Machine(pickle, origin, false).run();
}

PickleValuePtr unpickleTorchScript(std::span<const std::byte> pickle, const std::string& origin) {
  return Machine(pickle, origin, true).run();
}

int dtypeBytes(const std::string& dtype) {
  static const std::map<std::string, int> sizes{{"F16", 2}, {"BF16", 2}, {"F32", 4}, {"F64", 8},
                                                {"I64", 8}, {"I32", 4},  {"I16", 2}, {"I8", 1},
                                                {"U8", 1},  {"BOOL", 1}, {"C64", 8}};
  const auto it = sizes.find(dtype);
  return it == sizes.end() ? 0 : it->second;
}

}  // namespace drs::models
