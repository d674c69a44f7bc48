#include "ui/models/dit_tensor_spec.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "ui/models/safetensors_header.h"

namespace drs::ui {
namespace {

constexpr qint64 kCondWidth = 512;      // C, hard-coded in the model
constexpr qint64 kSinusoidWidth = 256;  // timestep features
constexpr qint64 kConvPosGroups = 16;
constexpr qint64 kConvPosKernel = 31;
constexpr qint64 kDwKernel = 7;
constexpr int kMaxListed = 5;  // problems named in one message

void addTimestepEmbedding(QMap<QString, QList<qint64>>& t, const QString& name) {
  const QString p = QStringLiteral("transformer.%1.time_mlp.").arg(name);
  t[p + QStringLiteral("0.weight")] = {kCondWidth, kSinusoidWidth};
  t[p + QStringLiteral("0.bias")] = {kCondWidth};
  t[p + QStringLiteral("2.weight")] = {kCondWidth, kCondWidth};
  t[p + QStringLiteral("2.bias")] = {kCondWidth};
}

}  // namespace

bool readDitShape(const QString& configPath, DitShape* shape, QString* error) {
  QFile file(configPath);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("%1: %2").arg(QFileInfo(configPath).fileName(), file.errorString());
    return false;
  }
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
  QJsonObject o = doc.object();
  if (o.value(QStringLiteral("model")).isObject()) o = o.value(QStringLiteral("model")).toObject();
  if (o.value(QStringLiteral("config")).isObject())
    o = o.value(QStringLiteral("config")).toObject();
  const auto get = [&](const char* key, qint64 fallback) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? static_cast<qint64>(v.toDouble()) : fallback;
  };
  DitShape s = *shape;
  s.dim = get("dim", s.dim);
  s.depth = get("depth", s.depth);
  s.ffMult = get("ff_mult", s.ffMult);
  s.melDim = get("mel_dim", s.melDim);
  s.textNumEmbeds = get("text_num_embeds", s.textNumEmbeds);
  s.textDim = get("text_dim", s.textDim);
  s.convLayers = get("conv_layers", s.convLayers);
  const bool sane = s.dim > 0 && s.dim % kConvPosGroups == 0 && s.depth > 0 && s.depth <= 256 &&
                    s.ffMult > 0 && s.melDim > 0 && s.textNumEmbeds > 0 && s.textDim > 0 &&
                    s.convLayers >= 0 && s.convLayers <= 64 && s.dim <= 65536;
  if (!doc.isObject() || !sane) {
    *error = QStringLiteral("%1 is not a usable DiT configuration")
                 .arg(QFileInfo(configPath).fileName());
    return false;
  }
  *shape = s;
  return true;
}

QMap<QString, QList<qint64>> expectedDitTensors(const DitShape& s) {
  QMap<QString, QList<qint64>> t;
  addTimestepEmbedding(t, QStringLiteral("time_embed"));
  addTimestepEmbedding(t, QStringLiteral("start_time_embed"));
  if (s.full) addTimestepEmbedding(t, QStringLiteral("duration_time_embed"));

  const QString text = QStringLiteral("transformer.text_embed.");
  t[text + QStringLiteral("text_embed.weight")] = {s.textNumEmbeds + 1, s.textDim};
  for (qint64 k = 0; k < s.convLayers; ++k) {
    const QString b = text + QStringLiteral("text_blocks.%1.").arg(k);
    const qint64 inner = 2 * s.textDim;
    t[b + QStringLiteral("dwconv.weight")] = {s.textDim, 1, kDwKernel};
    t[b + QStringLiteral("dwconv.bias")] = {s.textDim};
    t[b + QStringLiteral("norm.weight")] = {s.textDim};
    t[b + QStringLiteral("norm.bias")] = {s.textDim};
    t[b + QStringLiteral("pwconv1.weight")] = {inner, s.textDim};
    t[b + QStringLiteral("pwconv1.bias")] = {inner};
    t[b + QStringLiteral("grn.gamma")] = {1, 1, inner};
    t[b + QStringLiteral("grn.beta")] = {1, 1, inner};
    t[b + QStringLiteral("pwconv2.weight")] = {s.textDim, inner};
    t[b + QStringLiteral("pwconv2.bias")] = {s.textDim};
  }

  // Input: noisy latent + cond latent + text embedding + style + time condition.
  const QString in = QStringLiteral("transformer.input_embed.");
  t[in + QStringLiteral("proj.weight")] = {s.dim, 2 * s.melDim + s.textDim + 2 * kCondWidth};
  t[in + QStringLiteral("proj.bias")] = {s.dim};
  for (const char* conv : {"0", "2"}) {
    const QString c = in + QStringLiteral("conv_pos_embed.conv1d.%1.").arg(QLatin1String(conv));
    t[c + QStringLiteral("weight")] = {s.dim, s.dim / kConvPosGroups, kConvPosKernel};
    t[c + QStringLiteral("bias")] = {s.dim};
  }

  const qint64 hidden = s.dim * s.ffMult;
  for (qint64 i = 0; i < s.depth; ++i) {
    const QString b = QStringLiteral("transformer.transformer_blocks.%1.").arg(i);
    for (const char* proj : {"q_proj", "k_proj", "v_proj", "o_proj"})
      t[b + QStringLiteral("self_attn.%1.weight").arg(QLatin1String(proj))] = {s.dim, s.dim};
    t[b + QStringLiteral("mlp.gate_proj.weight")] = {hidden, s.dim};
    t[b + QStringLiteral("mlp.up_proj.weight")] = {hidden, s.dim};
    t[b + QStringLiteral("mlp.down_proj.weight")] = {s.dim, hidden};
    t[b + QStringLiteral("input_layernorm.weight")] = {s.dim};
    t[b + QStringLiteral("post_attention_layernorm.weight")] = {s.dim};
  }
  // Text fusion after the first half of the layers.
  for (qint64 j = 0; j < s.depth / 2; ++j) {
    const QString f = QStringLiteral("transformer.text_fusion_linears.%1.0.").arg(j);
    t[f + QStringLiteral("weight")] = {s.dim, s.textDim};
    t[f + QStringLiteral("bias")] = {s.dim};
  }
  t[QStringLiteral("transformer.norm_out.linear.weight")] = {2 * s.dim, kCondWidth};
  t[QStringLiteral("transformer.norm_out.linear.bias")] = {2 * s.dim};
  t[QStringLiteral("transformer.proj_out.weight")] = {s.melDim, s.dim};
  t[QStringLiteral("transformer.proj_out.bias")] = {s.melDim};
  return t;
}

QString checkDitWeights(const QString& path, const DitShape& shape) {
  SafetensorsHeader header;
  QString error;
  if (!readSafetensorsHeader(path, &header, &error)) return error;
  QMap<QString, QList<qint64>> expected = expectedDitTensors(shape);
  QStringList problems;
  for (const SafetensorsEntry& e : header.tensors) {
    const auto it = expected.constFind(e.name);
    if (it == expected.constEnd()) {
      problems.append(QStringLiteral("unexpected tensor \"%1\"").arg(e.name));
    } else if (*it != e.shape) {
      problems.append(QStringLiteral("tensor \"%1\" has shape %2, expected %3")
                          .arg(e.name, shapeString(e.shape), shapeString(*it)));
    }
    expected.remove(e.name);
  }
  for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
    problems.append(
        QStringLiteral("missing tensor \"%1\" %2").arg(it.key(), shapeString(it.value())));
  if (problems.isEmpty()) return {};
  const qsizetype total = problems.size();
  if (total > kMaxListed) {
    problems = problems.mid(0, kMaxListed);
    problems.append(QStringLiteral("… %1 problems in all").arg(total));
  }
  return QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(),
                                      problems.join(QStringLiteral("; ")));
}

}  // namespace drs::ui
