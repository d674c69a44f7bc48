// AMX tile registers on x86-64 Linux: whether this process may use them, and the
// per-thread tile configuration. Linux hands the tiles' 8 KB register state to a process
// only after it asks (arch_prctl ARCH_REQ_XCOMP_PERM); each thread then loads a tile
// configuration before its first tile instruction and releases it when done.
#pragma once

#include <cstdint>

namespace drs {

// True when the CPU has AMX with bfloat16, the OS saves its state and this process has
// been granted it (asked for on the first call).
[[nodiscard]] bool amx_tiles_usable();

// Palette 1 with all eight tiles 16 rows x 64 bytes: the shape of a 16 x 16 float32
// block and of 16 rows of 32 bfloat16 values.
struct alignas(64) AmxTileConfig {
  std::uint8_t palette = 1;
  std::uint8_t start_row = 0;
  std::uint8_t reserved[14] = {};
  std::uint16_t bytes_per_row[16] = {64, 64, 64, 64, 64, 64, 64, 64};
  std::uint8_t rows[16] = {16, 16, 16, 16, 16, 16, 16, 16};
};

// Loads the configuration on the calling thread for the scope's lifetime. Only where
// amx_tiles_usable().
class AmxTileScope {
 public:
  AmxTileScope();
  ~AmxTileScope();
  AmxTileScope(const AmxTileScope&) = delete;
  AmxTileScope& operator=(const AmxTileScope&) = delete;
};

}  // namespace drs
