// Our own reader of TorchScript archives against LibTorch's: every tensor of every
// TorchScript fixture (kind vae_torchscript: a real Oobleck graph; kind vae: another
// graph with the same interface), by name, bit for bit; and against the fixture's own
// record of the weights inside the file where it has one.
#include <gtest/gtest.h>
#include <torch/script.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "drs/error.h"
#include "models/torchscript_archive.h"
#include "support/reference.h"
#include "support/temp_dir.h"
#include "weights/weight_map.h"

namespace {

namespace fs = std::filesystem;

struct Archive {
  std::string kind;
  fs::path file;
  fs::path folded;  // safetensors of the weights inside the file, when the fixture has one
};

std::vector<Archive> archives() {
  std::vector<Archive> out;
  for (const auto& fx : drs::test::find_fixtures("vae_torchscript")) {
    Archive a{"vae_torchscript", fx.dir() / fx.json.at("file").get<std::string>(), {}};
    const auto stem = a.file.stem().string();
    const auto folded = fx.dir() / (stem + ".folded_state.safetensors");
    if (fs::exists(folded)) a.folded = folded;
    out.push_back(a);
  }
  for (const auto& fx : drs::test::find_fixtures("vae"))
    out.push_back({"vae", fx.dir() / fx.json.at("model").get<std::string>(), {}});
  return out;
}

// LibTorch's view of the same file: parameters and buffers of every submodule.
std::map<std::string, at::Tensor> libtorch_tensors(const fs::path& file) {
  auto module = torch::jit::load(file.string());
  std::map<std::string, at::Tensor> out;
  for (const auto& p : module.named_parameters(/*recurse=*/true)) out.emplace(p.name, p.value);
  for (const auto& b : module.named_buffers(/*recurse=*/true)) out.emplace(b.name, b.value);
  return out;
}

}  // namespace

TEST(TorchScriptArchive, EveryTensorEqualsWhatLibTorchLoads) {
  const auto all = archives();
  ASSERT_FALSE(all.empty()) << "no TorchScript fixture under " << drs::test::reference_dir();
  for (const auto& a : all) {
    const auto ours = drs::models::read_torchscript_weights(a.file);
    const auto theirs = libtorch_tensors(a.file);
    std::size_t equal = 0;
    for (const auto& [name, tensor] : theirs) {
      ASSERT_TRUE(ours.weights.has(name)) << a.file << ": " << name << " not found by our reader";
      const auto& mine = ours.weights.all().at(name);
      EXPECT_EQ(mine.sizes(), tensor.sizes()) << name;
      EXPECT_EQ(mine.scalar_type(), tensor.scalar_type()) << name;
      equal += mine.sizes() == tensor.sizes() && at::equal(mine, tensor.contiguous());
    }
    // Tensor attributes that are neither parameters nor buffers would be ours alone.
    std::set<std::string> extra;
    for (const auto& [name, tensor] : ours.weights.all())
      if (!theirs.contains(name)) extra.insert(name);
    std::printf(
        "%s (%s): root %s, format version %lld, %s: %zu/%zu tensors bit-identical to "
        "torch::jit::load, %zu extra\n",
        a.file.filename().c_str(), a.kind.c_str(), ours.summary.root.c_str(),
        static_cast<long long>(ours.summary.version), ours.summary.top_class.c_str(), equal,
        theirs.size(), extra.size());
    EXPECT_EQ(equal, theirs.size());
    EXPECT_TRUE(extra.empty()) << *extra.begin();
    EXPECT_EQ(ours.summary.top_class.rfind("__torch__.", 0), 0u);
  }
}

TEST(TorchScriptArchive, MatchesTheFixturesRecordOfTheFoldedWeights) {
  std::size_t checked = 0;
  for (const auto& a : archives()) {
    if (a.folded.empty()) continue;
    auto ours = drs::models::read_torchscript_weights(a.file);
    auto folded = drs::load_weight_map(a.folded);
    for (const auto& [name, tensor] : folded.all()) {
      ASSERT_TRUE(ours.weights.has(name)) << name;
      EXPECT_TRUE(at::equal(ours.weights.all().at(name), tensor)) << name;
    }
    EXPECT_EQ(ours.weights.all().size(), folded.all().size());
    std::printf("%s: %zu tensors equal %s\n", a.file.filename().c_str(), folded.all().size(),
                a.folded.filename().c_str());
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "no fixture records its folded weights";
}

TEST(TorchScriptArchive, ACheckpointOrJunkIsRefusedWithItsName) {
  const drs::test::TempDir dir("ts");
  const auto junk = dir / "junk.pt";
  std::ofstream(junk) << "not a zip at all";
  try {
    (void)drs::models::read_torchscript_weights(junk);
    ADD_FAILURE() << "junk accepted";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
    EXPECT_NE(std::string(e.what()).find("junk.pt"), std::string::npos) << e.what();
  }
  try {
    (void)drs::models::read_torchscript_weights(dir / "absent.pt");
    ADD_FAILURE() << "absent file accepted";
  } catch (const drs::Error& e) {
    EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
  }
}
