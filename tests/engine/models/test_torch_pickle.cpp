// The restricted unpickler on hand-written pickles: TorchScript module objects become
// inert attribute containers in TorchScript mode only, and nothing else gets through.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "drs/error.h"
#include "models/torch_pickle.h"

namespace {

using drs::models::PickleValue;

// Pickle protocol 2 bytes, built opcode by opcode.
class Pickle {
 public:
  Pickle() { bytes_ += "\x80\x02"; }
  Pickle& global(const std::string& module, const std::string& name) {
    bytes_ += 'c' + module + '\n' + name + '\n';
    return *this;
  }
  Pickle& op(const std::string& opcodes) {
    bytes_ += opcodes;
    return *this;
  }
  Pickle& text(const std::string& s) {
    bytes_ += 'X';
    for (int i = 0; i < 4; ++i) bytes_ += static_cast<char>((s.size() >> (8 * i)) & 0xff);
    bytes_ += s;
    return *this;
  }
  Pickle& small_int(int v) {
    bytes_ += 'K';
    bytes_ += static_cast<char>(v);
    return *this;
  }
  // obj.depth = value; obj.name = "x" through BUILD.
  Pickle& state(int value) {
    op("}(");
    text("depth").small_int(value).text("name").text("x");
    return op("ub");
  }
  [[nodiscard]] std::span<const std::byte> span() const {
    return {reinterpret_cast<const std::byte*>(bytes_.data()), bytes_.size()};
  }

 private:
  std::string bytes_;
};

std::string refusal(const Pickle& p, bool torchscript) {
  try {
    if (torchscript)
      (void)drs::models::unpickleTorchScript(p.span(), "test.pt");
    else
      (void)drs::models::unpickleCheckpoint(p.span(), "test.pt");
  } catch (const drs::Error& e) {
    return e.what();
  }
  return {};
}

Pickle scripted_module() {
  Pickle p;
  p.global("__torch__", "Model").op(")\x81").state(6).op(".");
  return p;
}

}  // namespace

TEST(TorchPickle, TorchScriptObjectsAreAttributeContainers) {
  const auto top = drs::models::unpickleTorchScript(scripted_module().span(), "test.pt");
  ASSERT_EQ(top->kind, PickleValue::Kind::Object);
  EXPECT_EQ(top->text, "__torch__.Model");
  ASSERT_EQ(top->dict.size(), 2u);
  EXPECT_EQ(top->dict[0].first->text, "depth");
  EXPECT_EQ(top->dict[0].second->integer, 6);
  EXPECT_EQ(top->dict[1].second->text, "x");
}

TEST(TorchPickle, CheckpointModeRefusesTorchScriptClasses) {
  const auto why = refusal(scripted_module(), false);
  EXPECT_NE(why.find("refusing global __torch__.Model"), std::string::npos) << why;
}

TEST(TorchPickle, NothingButTorchScriptClassesCanBeInstantiated) {
  Pickle os;
  os.global("os", "system").op(")\x81.");
  EXPECT_NE(refusal(os, true).find("refusing global os.system"), std::string::npos);

  Pickle ordered;
  ordered.global("collections", "OrderedDict").op(")\x81.");
  EXPECT_NE(refusal(ordered, true).find("NEWOBJ of collections.OrderedDict"), std::string::npos)
      << refusal(ordered, true);

  Pickle with_args;
  with_args.global("__torch__", "Model").op("K\x01\x85\x81.");
  EXPECT_NE(refusal(with_args, true).find("NEWOBJ with arguments"), std::string::npos);

  Pickle bare_prefix;  // "__torch__." alone names no class
  bare_prefix.global("__torch__", "").op(")\x81.");
  EXPECT_FALSE(refusal(bare_prefix, true).empty());
}

TEST(TorchPickle, StateIsAppliedOnceAndMustBeADict) {
  Pickle twice;
  twice.global("__torch__", "Model").op(")\x81").state(1).state(2).op(".");
  EXPECT_NE(refusal(twice, true).find("twice"), std::string::npos) << refusal(twice, true);

  Pickle not_dict;
  not_dict.global("__torch__", "Model").op(")\x81").small_int(3).op("b.");
  EXPECT_NE(refusal(not_dict, true).find("non-dict state"), std::string::npos);
}

TEST(TorchPickle, CheckpointModeRefusesEveryOtherGlobalBeforeCallingIt) {
  // The classic payload: os.system("...") through REDUCE. The global itself is refused,
  // so nothing could be called even if REDUCE were reached.
  Pickle system;
  system.global("os", "system").text("touch /tmp/pwned").op("\x85R.");
  const auto why = refusal(system, false);
  EXPECT_EQ(why.rfind("test.pt: ", 0), 0u) << why;  // names the file
  EXPECT_NE(why.find("refusing global os.system"), std::string::npos) << why;

  Pickle eval;
  eval.global("builtins", "eval").text("1+1").op("\x85R.");
  EXPECT_NE(refusal(eval, false).find("refusing global builtins.eval"), std::string::npos);

  // An allowed global called the wrong way is refused too.
  Pickle ordered_with_args;
  ordered_with_args.global("collections", "OrderedDict").small_int(1).op("\x85R.");
  EXPECT_NE(refusal(ordered_with_args, false).find("OrderedDict with arguments"),
            std::string::npos);
}

TEST(TorchPickle, CheckpointModeReadsAnOrderedDictInOrder) {
  Pickle p;
  p.global("collections", "OrderedDict").op(")R(");
  p.text("depth").small_int(16).text("dim").small_int(64).op("u.");
  const auto value = drs::models::unpickleCheckpoint(p.span(), "test.pt");
  ASSERT_EQ(value->kind, PickleValue::Kind::Dict);
  ASSERT_EQ(value->dict.size(), 2u);
  EXPECT_EQ(value->dict[0].first->text, "depth");
  EXPECT_EQ(value->dict[0].second->integer, 16);
  EXPECT_EQ(value->dict[1].first->text, "dim");
  EXPECT_EQ(value->dict[1].second->integer, 64);
}
