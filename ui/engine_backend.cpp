#include "ui/engine_backend.h"

#include "drs/model_set.h"

namespace drs::ui {

GenerationResult GenerationBackend::resume(const std::filesystem::path& journal,
                                           const ProgressSink& /*progress*/,
                                           std::stop_token /*stop*/,
                                           std::shared_ptr<ListenIn> /*listen_in*/) {
  GenerationResult result;
  result.error_kind = ErrorKind::BadInput;
  result.error = journal.string() + ": this engine cannot resume runs";
  return result;
}

namespace {

class EngineBackend final : public GenerationBackend {
 public:
  EngineBackend(const std::filesystem::path& model_dir, Precision precision)
      : model_dir_(model_dir),
        engine_(EngineOptions{.model_dir = model_dir, .precision = precision}) {}
  [[nodiscard]] const ModelInfo& info() const override { return engine_.info(); }
  GenerationResult generate(const GenerationRequest& request, const ProgressSink& progress,
                            std::stop_token stop) override {
    return engine_.generate(request, progress, std::move(stop));
  }
  GenerationResult resume(const std::filesystem::path& journal, const ProgressSink& progress,
                          std::stop_token stop, std::shared_ptr<ListenIn> listen_in) override {
    return engine_.resume(journal, progress, std::move(stop), std::move(listen_in));
  }
  [[nodiscard]] std::optional<MatmulSpeed> measure_speed() override {
    if (engine_.info().device.rfind("cpu", 0) != 0) return std::nullopt;
    auto speed = measure_matmul_speed();
    speed.bf16_speedup = cpu_bfloat16_speedup();
    speed.int8_speedup = cpu_int8_speedup();
    return speed;
  }

  [[nodiscard]] std::optional<TakeOrigin> take_origin() const override {
    return drs::take_origin(model_dir_, engine_.info(), 0);  // 0: the engine's thread count
  }

 private:
  std::filesystem::path model_dir_;
  Engine engine_;
};

}  // namespace

std::unique_ptr<GenerationBackend> make_engine_backend(const std::filesystem::path& model_dir,
                                                       Precision precision) {
  if (model_dir.empty())
    throw Error(ErrorKind::ModelMissing,
                "no model set found: neither an installed DiffRhythm set nor the demo set "
                "of this build");
  return std::make_unique<EngineBackend>(model_dir, precision);
}

std::filesystem::path default_model_location() {
  // $DRS_MODEL_SET (or the deprecated $DRS_MODEL_DIR) is read there, as for the CLI.
  return drs::default_model_dir().value_or(std::filesystem::path{});
}

}  // namespace drs::ui
