// Fuzz target: the hand-written SentencePiece .model reader and the encoder on it.
#include <cstddef>
#include <cstdint>
#include <span>

#include "drs/error.h"
#include "mulan/sentencepiece_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto model = drs::SentencePieceModel::parse(std::span(data, size), "fuzz.model");
    (void)model.encode("indie folk, acoustic guitar \xE4\xB8\xAD\xF0\x9F\x8E\xB8 \xff");
  } catch (const drs::Error&) {
  }
  return 0;
}
