// Errors the engine reports to its callers. Every failure a user can cause or fix
// (bad lyrics, missing model files, unwritable output) is a drs::Error with a kind
// that the CLI maps to an exit code and the UI to a message with advice.
#pragma once

#include <stdexcept>
#include <string>

namespace drs {

enum class ErrorKind {
  BadInput,      // lyrics, prompt, request parameters (CLI exit 2)
  ModelMissing,  // a model file is not installed (CLI exit 4)
  ModelCorrupt,  // a model file exists but is malformed / mis-shaped (CLI exit 4)
  Output,        // cannot write the result: path, permissions, disk full (CLI exit 5)
  OutOfMemory,   // allocation failed on CPU or GPU
  Cancelled,     // the caller asked to stop (CLI exit 3)
  Internal,      // a bug: anything not covered above
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

[[nodiscard]] const char* to_string(ErrorKind kind) noexcept;

}  // namespace drs
