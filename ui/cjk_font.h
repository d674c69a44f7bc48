// Han characters in their Simplified Chinese forms, whatever the system's language.
#pragma once

#include <QFont>

namespace drs::ui {

// `font` with an installed Simplified Chinese family (monospaced for a fixed-pitch
// font) as its fallback: fontconfig otherwise chooses among the CJK fonts by $LANG and,
// under an English locale, shows Chinese lyrics in Japanese glyph forms. Unchanged
// where no such font is installed (Debian: fonts-noto-cjk).
[[nodiscard]] QFont withChineseGlyphs(QFont font);

}  // namespace drs::ui
