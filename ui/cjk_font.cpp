#include "ui/cjk_font.h"

#include <QFontDatabase>
#include <QFontInfo>
#include <QStringList>

namespace drs::ui {
namespace {

// Regional variants name their region ("Noto Sans CJK SC", "... JP"); the SC one, the
// monospaced one for a fixed-pitch font, is best, any family that writes Simplified
// Chinese will do.
int score(const QString& family, bool fixed_pitch) {
  int s = 1;
  if (family.endsWith(QLatin1String(" SC")) || family.contains(QLatin1String(" SC ")) ||
      family.contains(QLatin1String("Simplified")))
    s += 4;
  if (family.contains(QLatin1String("Mono")) == fixed_pitch) s += 2;
  if (family.contains(QLatin1String("Sans"))) s += 1;
  return s;
}

}  // namespace

QFont withChineseGlyphs(QFont font) {
  const bool fixed_pitch = QFontInfo(font).fixedPitch();
  QString best;
  int best_score = 0;
  for (const QString& family : QFontDatabase::families(QFontDatabase::SimplifiedChinese)) {
    const int s = score(family, fixed_pitch);
    if (s > best_score) {
      best = family;
      best_score = s;
    }
  }
  if (best.isEmpty()) return font;
  // The family the font resolves to first: in a list, an alias such as "Monospace" is
  // not a family, and the fallback would then draw the Latin text as well.
  const QString resolved = QFontInfo(font).family();
  if (resolved != best) font.setFamilies({resolved, best});
  return font;
}

}  // namespace drs::ui
