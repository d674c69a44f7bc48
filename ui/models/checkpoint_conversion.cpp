// No Qt here: this translation unit is the bridge to the Torch-based weights module.
#include "ui/models/checkpoint_conversion.h"

#include "drs/error.h"

#ifdef DRS_MODELS_HAVE_CHECKPOINT_READER
#include "weights/safetensors.h"
#include "weights/torch_checkpoint.h"
#endif

namespace drs::ui {

#ifdef DRS_MODELS_HAVE_CHECKPOINT_READER

bool checkpointConversionAvailable() {
  return true;
}

ConversionReport convertCheckpoint(const std::filesystem::path& checkpoint,
                                   const std::filesystem::path& output, const std::string& key) {
  (void)checkpoint;
  (void)output;
  (void)key;
  throw Error(ErrorKind::Internal, "checkpoint conversion: reader API not wired yet");
}

#else

bool checkpointConversionAvailable() {
  return false;
}

ConversionReport convertCheckpoint(const std::filesystem::path& checkpoint,
                                   const std::filesystem::path&, const std::string&) {
  throw Error(ErrorKind::ModelMissing,
              "this build cannot convert PyTorch checkpoints (the engine's checkpoint reader "
              "was not built); convert " +
                  checkpoint.string() + " to safetensors with the drs tools and import that");
}

#endif

}  // namespace drs::ui
