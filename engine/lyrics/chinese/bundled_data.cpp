#include "lyrics/chinese/bundled_data.h"

#include "lyrics/chinese/chinese_data.h"

// .incbin keeps the 110 kB vocabulary out of the compiler; DRS_CHINESE_RESOURCES is the
// source folder resources/data/chinese, set by the build.
#define DRS_INCBIN(name, file)                                                                   \
  __asm__(".pushsection .rodata\n.balign 16\n" #name "_begin:\n.incbin \"" DRS_CHINESE_RESOURCES \
          "/" file "\"\n" #name "_end:\n.popsection\n");                                         \
  extern "C" const char name##_begin[];                                                          \
  extern "C" const char name##_end[];

DRS_INCBIN(drs_zh_pinyin_2_bpmf, "pinyin_2_bpmf.txt")
DRS_INCBIN(drs_zh_polychar, "polychar.txt")
DRS_INCBIN(drs_zh_polydict, "polydict.json")
DRS_INCBIN(drs_zh_vocab, "vocab.txt")

namespace drs::lyrics::zh {
namespace {

std::string_view view(const char* begin, const char* end) {
  return {begin, static_cast<std::size_t>(end - begin)};
}

}  // namespace

std::optional<std::string_view> bundled_chinese_file(std::string_view path) {
  if (path == ChineseDataFiles::kPinyinTable)
    return view(drs_zh_pinyin_2_bpmf_begin, drs_zh_pinyin_2_bpmf_end);
  if (path == ChineseDataFiles::kPolyChars) return view(drs_zh_polychar_begin, drs_zh_polychar_end);
  if (path == ChineseDataFiles::kPolyDict) return view(drs_zh_polydict_begin, drs_zh_polydict_end);
  if (path == ChineseDataFiles::kVocab) return view(drs_zh_vocab_begin, drs_zh_vocab_end);
  return std::nullopt;
}

}  // namespace drs::lyrics::zh
