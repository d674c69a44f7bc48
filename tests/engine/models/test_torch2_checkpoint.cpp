// cfm_model.pt as torch 2.x writes it (Debian has only torch 1.13, so the archive is
// built here from the format's description): a root folder named after the file
// ("model_last/", not "archive/"), the records .format_version, .storage_alignment,
// byteorder, .data/serialization_id and version 3, every record's data aligned to 64
// bytes through the local header's extra field, and the state dict as a plain dict or
// an OrderedDict under "model_state_dict". Read in place and converted bit for bit.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "drs/error.h"
#include "models/checkpoint_conversion.h"
#include "models/safetensors_header.h"
#include "models/torch_checkpoint.h"
#include "support/temp_dir.h"
#include "torch_checkpoint_writer.h"

namespace {

namespace fs = std::filesystem;
using drs::test::put32;
using drs::test::text;
using drs::test::zip;

// {"model_state_dict": <dict or OrderedDict>{"w": FloatTensor[2,3] over storage "0",
// "b": HalfTensor[2] over storage "1"}} in pickle protocol 2, as torch.save emits it.
std::string data_pkl(bool ordered) {
  const auto tensor = [](const std::string& storage, const std::string& key, int numel,
                         const std::string& shape, const std::string& stride) {
    std::string t = "ctorch._utils\n_rebuild_tensor_v2\n(";
    t += "(" + text("storage") + "ctorch\n" + storage + "\n" + text(key) + text("cpu") + "K" +
         static_cast<char>(numel) + "tQ";
    t += std::string("K") + '\0' + shape + stride + "\x89";
    t += "ccollections\nOrderedDict\n)R";  // backward hooks
    return t + "tR";
  };
  std::string p = "\x80\x02}";
  p += text("model_state_dict");
  p += ordered ? "ccollections\nOrderedDict\n)R" : "}";
  p += text("transformer.w") + tensor("FloatStorage", "0", 6, "(K\x02K\x03t", "(K\x03K\x01t") + "s";
  p += text("transformer.b") + tensor("HalfStorage", "1", 2, "(K\x02t", "(K\x01t") + "s";
  return p + "s.";
}

std::string torch2_checkpoint(bool ordered, std::string& w, std::string& b) {
  w.resize(6 * 4);
  for (int i = 0; i < 6; ++i) {
    const float v = 0.25f * static_cast<float>(i) - 1.0f;
    std::memcpy(w.data() + 4 * i, &v, 4);
  }
  b = std::string("\x00\x3c\x00\xc0", 4);  // half 1.0, -2.0
  const std::string root = "model_last/";
  return zip({{root + "data.pkl", data_pkl(ordered)},
              {root + ".format_version", "1"},
              {root + ".storage_alignment", "64"},
              {root + "byteorder", "little"},
              {root + "data/0", w},
              {root + "data/1", b},
              {root + "version", "3\n"},
              {root + ".data/serialization_id", "1234567890123456789012345678901234567890"}});
}

std::span<const std::byte> bytes_of(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

TEST(Torch2Checkpoint, DictAndOrderedDictReadInPlaceAndConvertedBitForBit) {
  for (const bool ordered : {false, true}) {
    std::string w, b;
    const std::string file = torch2_checkpoint(ordered, w, b);
    const auto tensors =
        drs::models::read_checkpoint_state_dict(bytes_of(file), "cfm_model.pt", "model_state_dict");
    ASSERT_EQ(tensors.size(), 2u) << "ordered " << ordered;
    EXPECT_EQ(tensors[0].name, "transformer.w");  // the pickle's order
    EXPECT_EQ(tensors[0].tensor.dtype, "F32");
    EXPECT_EQ(tensors[0].tensor.shape, (std::vector<std::int64_t>{2, 3}));
    EXPECT_EQ(tensors[1].tensor.dtype, "F16");
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(tensors[0].storage.data()),
                          tensors[0].storage.size()),
              w);

    drs::test::TempDir dir;
    const auto pt = dir.path() / "cfm_model.pt";
    std::ofstream(pt, std::ios::binary) << file;
    const auto out = dir.path() / "dit.safetensors";
    const auto report = drs::models::convert_checkpoint(pt, out, "model_state_dict");
    EXPECT_EQ(report.tensors, 2u);
    EXPECT_EQ(report.bytes, w.size() + b.size());
    const auto header = drs::models::read_safetensors_header(out);
    const auto& tw = header.tensors.at("transformer.w");
    const auto& tb = header.tensors.at("transformer.b");
    EXPECT_EQ(tb.dtype, "F16");
    std::ifstream in(out, std::ios::binary);
    const std::string all{std::istreambuf_iterator<char>(in), {}};
    EXPECT_EQ(all.substr(header.data_offset + tw.begin, tw.end - tw.begin), w);
    EXPECT_EQ(all.substr(header.data_offset + tb.begin, tb.end - tb.begin), b);
  }
}

TEST(Torch2Checkpoint, WrongKeyAndTruncationAreNamed) {
  std::string w, b;
  const std::string file = torch2_checkpoint(true, w, b);
  try {
    (void)drs::models::read_checkpoint_state_dict(bytes_of(file), "cfm_model.pt",
                                                  "ema_model_state_dict");
    FAIL() << "accepted a missing key";
  } catch (const drs::Error& e) {
    EXPECT_NE(std::string(e.what()).find("cfm_model.pt"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)drs::models::read_checkpoint_state_dict(
                   bytes_of(file.substr(0, file.size() / 2)), "cfm_model.pt", "model_state_dict"),
               drs::Error);
}

}  // namespace
