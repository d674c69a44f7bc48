#include "lyrics/chinese/jieba_data.h"

// The resource is a few megabytes: embedding it with .incbin keeps the compiler from
// parsing it as a source array. DRS_JIEBA_DATA_PATH is set by the build.
__asm__(
    ".pushsection .rodata\n"
    ".balign 16\n"
    "drs_jieba_resource_begin:\n"
    ".incbin \"" DRS_JIEBA_DATA_PATH
    "\"\n"
    "drs_jieba_resource_end:\n"
    ".popsection\n");

extern "C" const char drs_jieba_resource_begin[];
extern "C" const char drs_jieba_resource_end[];

namespace drs::lyrics::zh {

std::string_view jieba_resource() {
  return {drs_jieba_resource_begin,
          static_cast<std::size_t>(drs_jieba_resource_end - drs_jieba_resource_begin)};
}

}  // namespace drs::lyrics::zh
