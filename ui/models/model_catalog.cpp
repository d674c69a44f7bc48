#include "ui/models/model_catalog.h"

#include <QCoreApplication>
#include <QLocale>

namespace drs::ui {
namespace {

constexpr qint64 kKB = 1000;
constexpr qint64 kMB = 1000 * kKB;
constexpr qint64 kGB = 1000 * kMB;

// Translatable strings of this file (lupdate context drs::ui::ModelCatalog).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(drs::ui::ModelCatalog)
};

Licence apache() {
  return {QStringLiteral("Apache-2.0"),
          QStringLiteral("https://www.apache.org/licenses/LICENSE-2.0"),
          Text::tr("Permissive: songs you make may be used commercially.")};
}

Licence stabilityCommunity() {
  return {QStringLiteral("Stability AI Community License"),
          QStringLiteral(
              "https://huggingface.co/stabilityai/stable-audio-open-1.0/blob/main/LICENSE.md"),
          Text::tr("Inherited from Stable Audio Open. Free for research, non-commercial use and "
                   "for organisations under USD 1M annual revenue; larger commercial use needs a "
                   "Stability AI licence.")};
}

Licence ccByNc() {
  return {QStringLiteral("CC-BY-NC 4.0"),
          QStringLiteral("https://creativecommons.org/licenses/by-nc/4.0/"),
          Text::tr("Non-commercial. The style encoder shapes every song, so songs made with it may "
                   "not be used commercially (no sale, no monetised streaming, no advertising).")};
}

Licence mit() {
  return {QStringLiteral("MIT"), QStringLiteral("https://opensource.org/license/mit"),
          Text::tr("Permissive.")};
}

CatalogFile file(QString repo, QString path, QString local, FileFormat format, qint64 approx) {
  CatalogFile f;
  f.repo = std::move(repo);
  f.revision = QStringLiteral("main");
  f.file = std::move(path);
  f.localName = std::move(local);
  f.format = format;
  f.approxSize = approx;
  return f;
}

CatalogComponent dit(bool full) {
  const QString repo = full ? QStringLiteral("ASLP-lab/DiffRhythm-1_2-full")
                            : QStringLiteral("ASLP-lab/DiffRhythm-1_2");
  CatalogFile weights = file(repo, QStringLiteral("cfm_model.pt"), QStringLiteral("cfm_model.pt"),
                             FileFormat::TorchPickle, 2'220 * kMB);
  weights.convertedName = QStringLiteral("dit.safetensors");
  weights.checkpointKey = QStringLiteral("model_state_dict");
  weights.tensorSpec = full ? TensorSpec::DitFull : TensorSpec::DitBase;
  weights.configName = QStringLiteral("dit_config.json");
  return {full ? QStringLiteral("dit-full") : QStringLiteral("dit-base"),
          full ? Text::tr("DiffRhythm 1.2 DiT, full (96-285 s songs)")
               : Text::tr("DiffRhythm 1.2 DiT, base (95 s songs)"),
          apache(),
          {weights, file(repo, QStringLiteral("config.json"), QStringLiteral("dit_config.json"),
                         FileFormat::Json, 247)}};
}

CatalogComponent vae() {
  CatalogFile f = file(QStringLiteral("ASLP-lab/DiffRhythm-vae"), QStringLiteral("vae_model.pt"),
                       QStringLiteral("vae_model.pt"), FileFormat::TorchScript, 625 * kMB);
  f.sha256Prefix = QStringLiteral("cbf5e34d");
  f.sha256Suffix = QStringLiteral("c81a");
  return {
      QStringLiteral("vae"), Text::tr("DiffRhythm VAE (audio decoder)"), stabilityCommunity(), {f}};
}

CatalogComponent mulan() {
  const QString repo = QStringLiteral("OpenMuQ/MuQ-MuLan-large");
  CatalogFile weights =
      file(repo, QStringLiteral("pytorch_model.bin"), QStringLiteral("mulan_model.bin"),
           FileFormat::TorchPickle, 2'650 * kMB);
  weights.sha256Prefix = QStringLiteral("d42ae3f7");
  weights.sha256Suffix = QStringLiteral("0444");
  weights.convertedName = QStringLiteral("mulan.safetensors");
  return {QStringLiteral("mulan"),
          Text::tr("MuQ-MuLan style encoder"),
          ccByNc(),
          {file(repo, QStringLiteral("config.json"), QStringLiteral("mulan_config.json"),
                FileFormat::Json, kKB),
           weights}};
}

CatalogComponent xlmr() {
  const QString repo = QStringLiteral("FacebookAI/xlm-roberta-base");
  return {
      QStringLiteral("xlmr"),
      Text::tr("XLM-RoBERTa tokenizer"),
      mit(),
      {file(repo, QStringLiteral("sentencepiece.bpe.model"),
            QStringLiteral("xlmr_sentencepiece.bpe.model"), FileFormat::SentencePiece, 5'070 * kKB),
       file(repo, QStringLiteral("config.json"), QStringLiteral("xlmr_config.json"),
            FileFormat::Json, 615)}};
}

QList<CatalogSet> buildCatalog() {
  return {
      {QStringLiteral("diffrhythm-1_2-base"),
       Text::tr("DiffRhythm 1.2 base"),
       Text::tr("Songs of 95 seconds. The smaller and faster choice."),
       {dit(false), vae(), mulan(), xlmr()}},
      {QStringLiteral("diffrhythm-1_2-full"),
       Text::tr("DiffRhythm 1.2 full"),
       Text::tr("Songs from 96 to 285 seconds."),
       {dit(true), vae(), mulan(), xlmr()}},
  };
}

}  // namespace

qint64 CatalogSet::approxBytes() const {
  qint64 total = 0;
  for (const CatalogFile& f : files()) total += f.exactSize > 0 ? f.exactSize : f.approxSize;
  return total;
}

QList<CatalogFile> CatalogSet::files() const {
  QList<CatalogFile> all;
  for (const CatalogComponent& c : components) all += c.files;
  return all;
}

const QList<CatalogSet>& modelCatalog() {
  static const QList<CatalogSet> catalog = buildCatalog();
  return catalog;
}

const CatalogSet* findCatalogSet(const QString& id) {
  for (const CatalogSet& set : modelCatalog())
    if (set.id == id) return &set;
  return nullptr;
}

QString formatBytes(qint64 bytes) {
  return QLocale::system().formattedDataSize(bytes, 2, QLocale::DataSizeSIFormat);
}

}  // namespace drs::ui
