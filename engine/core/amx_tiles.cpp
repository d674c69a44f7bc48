#include "core/amx_tiles.h"

#include "drs/cpu_features.h"

#if defined(__x86_64__) && defined(__linux__) && (defined(__GNUC__) || defined(__clang__))
#define DRS_AMX_TILES 1
#include <immintrin.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace drs {
namespace {

#ifdef DRS_AMX_TILES
// From the kernel's uapi (asm/prctl.h, asm/fpu/types.h), not in every libc's headers.
constexpr long kRequestPermission = 0x1023;  // ARCH_REQ_XCOMP_PERM
constexpr long kTileData = 18;               // XFEATURE_XTILEDATA

__attribute__((target("amx-tile"))) void load_config(const AmxTileConfig& config) {
  _tile_loadconfig(&config);
}

__attribute__((target("amx-tile"))) void release() {
  _tile_release();
}
#endif

}  // namespace

bool amx_tiles_usable() {
#ifdef DRS_AMX_TILES
  static const bool usable = [] {
    if (!detect_cpu_features().amx) return false;
    return syscall(SYS_arch_prctl, kRequestPermission, kTileData) == 0;
  }();
  return usable;
#else
  return false;
#endif
}

AmxTileScope::AmxTileScope() {
#ifdef DRS_AMX_TILES
  static const AmxTileConfig config;
  load_config(config);
#endif
}

AmxTileScope::~AmxTileScope() {
#ifdef DRS_AMX_TILES
  release();
#endif
}

}  // namespace drs
