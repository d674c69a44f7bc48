#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "drs/error.h"
#include "mulan/demo_support.h"
#include "mulan/style_encoder.h"
#include "support/temp_dir_test.h"
#include "weights/safetensors.h"

namespace {

namespace fs = std::filesystem;

class StyleEncoderFilesTest : public drs::test::TempDirTest {
 protected:
  void SetUp() override {
    config_.xlmr.hidden_size = 16;
    config_.xlmr.num_hidden_layers = 1;
    config_.xlmr.num_attention_heads = 2;
    config_.xlmr.intermediate_size = 32;
    config_.text.dim = 16;
    config_.text.tf_depth = 1;
    config_.text.heads = 2;
    config_.text.dim_head = 8;
    config_.text.ff_mult = 2;
    const auto pieces = drs::demo_tokenizer_pieces();
    config_.xlmr.vocab_size = drs::xlmr_vocab_size_for(pieces.size());
    drs::write_sentencepiece_model(files_.tokenizer = dir_ / "spm.model", pieces);
    write_json(files_.config = dir_ / "mulan.json", config_.official_mulan_json());
    write_json(files_.xlmr_config = dir_ / "xlmr.json", config_.official_xlmr_json());
    files_.weights = dir_ / "mulan.safetensors";
    write_weights([](auto&) {});
  }

  static void write_json(const fs::path& path, const nlohmann::json& j) {
    std::ofstream(path) << j.dump();
  }
  template <typename Edit>
  void write_weights(Edit edit) {
    auto weights = drs::random_style_encoder_weights(config_, 7);
    auto all = weights.all();
    edit(all);
    std::vector<std::pair<std::string, at::Tensor>> list(all.begin(), all.end());
    drs::write_safetensors(files_.weights, list);
  }
  std::string load_error() {
    try {
      drs::StyleEncoder encoder(files_);
    } catch (const drs::Error& e) {
      return e.what();
    }
    return {};
  }

  drs::StyleEncoderConfig config_;
  drs::StyleEncoderFiles files_;
};

TEST_F(StyleEncoderFilesTest, LoadsOfficialLayoutAndEmbedsToAUnitVector) {
  const drs::StyleEncoder encoder(files_);
  const auto embedding = encoder.embed("indie folk ballad, acoustic guitar");
  EXPECT_EQ(embedding.sizes(), (at::IntArrayRef{1, 512}));
  EXPECT_NEAR(embedding.norm().item<double>(), 1.0, 1e-5);
  EXPECT_FALSE(at::allclose(embedding, encoder.embed("dark techno, 140 bpm")));
}

TEST_F(StyleEncoderFilesTest, MissingTokenizerIsNamed) {
  fs::remove(files_.tokenizer);
  EXPECT_NE(load_error().find("spm.model"), std::string::npos);
}

TEST_F(StyleEncoderFilesTest, MisShapedWeightIsNamed) {
  write_weights([](auto& all) { all["mulan.text_to_latents.weight"] = at::zeros({512, 3}); });
  const auto message = load_error();
  EXPECT_NE(message.find("mulan.text_to_latents.weight"), std::string::npos) << message;
}

TEST_F(StyleEncoderFilesTest, MissingWeightIsNamed) {
  write_weights([](auto& all) { all.erase("mulan.text.transformer.layers.0.0.q_scale"); });
  const auto message = load_error();
  EXPECT_NE(message.find("q_scale"), std::string::npos) << message;
}

TEST_F(StyleEncoderFilesTest, AudioTowerTensorsAreIgnoredButUnknownTextTensorsAreNot) {
  write_weights([](auto& all) { all["mulan.audio.model.conv.weight"] = at::zeros({2}); });
  EXPECT_TRUE(load_error().empty());
  write_weights(
      [](auto& all) { all["mulan.text.transformer.layers.9.0.q_scale"] = at::zeros({8}); });
  EXPECT_NE(load_error().find("unexpected tensor"), std::string::npos);
}

TEST_F(StyleEncoderFilesTest, OverLongPromptIsTruncatedWithAWarning) {
  const drs::StyleEncoder encoder(files_);
  std::string prompt;
  for (int i = 0; i < 400; ++i) prompt += "pop rock ";
  std::string warning;
  const auto embedding = encoder.embed(prompt, &warning);
  EXPECT_FALSE(warning.empty());
  EXPECT_EQ(embedding.size(1), 512);
}

// MuQ's rule: text_model.model_dim is the XLM-R width; a Linear to the tower width
// exists only when it is set and differs from text_transformer.dim.
TEST_F(StyleEncoderFilesTest, ModelDimDecidesTheProjectionAsInMuQ) {
  auto mulan = config_.official_mulan_json();
  mulan["text_model"]["model_dim"] = config_.xlmr.hidden_size;  // == dim: identity
  write_json(files_.config, mulan);
  EXPECT_TRUE(load_error().empty()) << load_error();

  mulan["text_model"]["model_dim"] = config_.xlmr.hidden_size + 1;
  write_json(files_.config, mulan);
  EXPECT_NE(load_error().find("model_dim"), std::string::npos) << load_error();

  config_.text.dim = 8;  // narrower tower: the checkpoint carries mulan.text.proj.*
  config_.text.has_projection = true;
  write_json(files_.config, config_.official_mulan_json());
  write_weights([](auto&) {});
  EXPECT_TRUE(load_error().empty()) << load_error();
  EXPECT_EQ(drs::StyleEncoder(files_).embed("pop").size(1), 512);
}

// The config decides the projection (as MuQ's code does); a checkpoint that disagrees
// is refused with a message naming the tensor and the config rule.
TEST_F(StyleEncoderFilesTest, ProjectionTheConfigNeedsButTheFileLacksIsNamed) {
  config_.text.dim = 8;
  config_.text.has_projection = true;
  write_json(files_.config, config_.official_mulan_json());
  write_weights([](auto& all) {
    all.erase("mulan.text.proj.weight");
    all.erase("mulan.text.proj.bias");
  });
  const auto message = load_error();
  EXPECT_NE(message.find("missing projection 'mulan.text.proj.weight'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("model_dim 16 differs from text_transformer.dim 8"), std::string::npos)
      << message;
}

TEST_F(StyleEncoderFilesTest, ProjectionTheConfigDoesNotExpectIsNamed) {
  // Same widths (model_dim null): MuQ uses the identity, so a Linear in the file is foreign
  // even though its shape [dim, hidden] would bind.
  write_weights([](auto& all) {
    all["mulan.text.proj.weight"] = at::eye(16);
    all["mulan.text.proj.bias"] = at::zeros({16});
  });
  const auto message = load_error();
  EXPECT_NE(message.find("unexpected projection 'mulan.text.proj.weight'"), std::string::npos)
      << message;
  EXPECT_NE(message.find("model_dim unset or equal to text_transformer.dim 16"), std::string::npos)
      << message;
}

TEST_F(StyleEncoderFilesTest, HiddenActOtherThanGeluIsRefusedByName) {
  auto xlmr = config_.official_xlmr_json();
  for (const char* act : {"gelu_new", "relu"}) {
    xlmr["hidden_act"] = act;
    write_json(files_.xlmr_config, xlmr);
    const auto message = load_error();
    EXPECT_NE(message.find("hidden_act '" + std::string(act) + "' is not supported"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("xlmr.json"), std::string::npos) << message;
  }
  xlmr["hidden_act"] = 3;
  write_json(files_.xlmr_config, xlmr);
  EXPECT_NE(load_error().find("'hidden_act' must be a string"), std::string::npos);
  xlmr.erase("hidden_act");  // XLMRobertaConfig's default is gelu
  write_json(files_.xlmr_config, xlmr);
  EXPECT_TRUE(load_error().empty()) << load_error();
}

}  // namespace
