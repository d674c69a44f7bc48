#include "ui/models/catalog_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace drs::ui {
namespace {

// The catalogue's strings, listed for lupdate (the engine cannot mark them itself).
[[maybe_unused]] constexpr const char* kCatalogStrings[] = {
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "DiffRhythm 1.2 base"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "DiffRhythm 1.2 full"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Songs of 95 seconds. The smaller and faster choice."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "Songs from 96 to 285 seconds."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "DiffRhythm 1.2 DiT, full (96-285 s songs)"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "DiffRhythm 1.2 DiT, base (95 s songs)"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "DiffRhythm VAE (audio decoder)"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "MuQ-MuLan style encoder"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "XLM-RoBERTa tokenizer"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Chinese lyrics (pronunciation lexicon and polyphone model)"),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Needed to sing Chinese lyrics, with any model set."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Permissive: songs you make may be used commercially."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Inherited from Stable Audio Open. Free for research, non-commercial use and "
                      "for organisations under USD 1M annual revenue; larger commercial use needs "
                      "a Stability AI licence."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Non-commercial. The style encoder shapes every song, so songs made with it "
                      "may not be used commercially (no sale, no monetised streaming, no "
                      "advertising)."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog", "Permissive."),
    QT_TRANSLATE_NOOP("drs::ui::ModelCatalog",
                      "Permissive. The G2P data comes from Amphion (MIT); both notices apply."),
};

}  // namespace

QString qs(const std::string& text) {
  return QString::fromStdString(text);
}

QString catalogText(const std::string& english) {
  return QCoreApplication::translate("drs::ui::ModelCatalog", english.c_str());
}

QString formatBytes(qint64 bytes) {
  return QLocale::system().formattedDataSize(bytes, 2, QLocale::DataSizeSIFormat);
}

}  // namespace drs::ui
