#pragma once
// The jieba 0.42.1 data (dict.txt words and frequencies, the finalseg HMM tables; MIT,
// from Debian's python3-jieba), converted at build time by tools/gen_jieba_data.py and
// compiled into the library, so segmentation needs no run-time file.

#include <string_view>

namespace drs::lyrics::zh {

// The generated text resource (format: tools/gen_jieba_data.py).
std::string_view jieba_resource();

}  // namespace drs::lyrics::zh
