// The networks of one model set, loaded on first use and kept for later runs.
#pragma once

#include <ATen/ATen.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dit/dit_model.h"
#include "drs/model_set.h"
#include "drs/progress.h"
#include "mulan/style_encoder.h"
#include "vae/vae.h"

namespace drs {

class LoadedModels {
 public:
  LoadedModels() = default;
  LoadedModels(ModelSet set, at::TensorOptions options, bool release_style_encoder);

  const DiT& dit();
  const Vae& vae();
  // 512 float32 values for a style prompt; cached by text so a repeated prompt needs
  // no encoder. `warning` receives e.g. a truncation notice.
  std::vector<float> style_embedding(const std::string& text, std::string* warning);

  [[nodiscard]] const ModelSet& set() const { return set_; }
  [[nodiscard]] const at::TensorOptions& options() const { return options_; }
  [[nodiscard]] int load_count() const { return loads_; }
  // True when a call to dit()/vae() would read from disk (for the progress stage).
  [[nodiscard]] bool needs_loading() const { return !dit_ || !vae_; }

 private:
  ModelSet set_;
  at::TensorOptions options_;
  bool release_style_encoder_ = false;
  std::unique_ptr<DiT> dit_;
  std::unique_ptr<Vae> vae_;
  std::unique_ptr<StyleEncoder> style_;
  std::map<std::string, std::vector<float>> style_cache_;
  int loads_ = 0;
};

}  // namespace drs
