// The tensor names and shapes a DiffRhythm DiT checkpoint must hold (MODEL.md §2.5),
// derived from its config.json, so an import can reject a wrong, truncated or
// mis-shaped weight file by name before anything is copied. Qt-side and Torch-free:
// only the safetensors header is read.
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace drs::ui {

struct DitShape {
  qint64 dim = 2048;
  qint64 depth = 16;
  qint64 ffMult = 4;
  qint64 melDim = 64;
  qint64 textNumEmbeds = 363;
  qint64 textDim = 512;
  qint64 convLayers = 4;
  bool full = false;  // the full model adds duration_time_embed
};

// Reads dim/depth/... from a DiT config.json: flat, or under "model" (the hub file)
// or "config" (our fixtures). Missing keys keep the v1.2 defaults above.
bool readDitShape(const QString& configPath, DitShape* shape, QString* error);

// name (with the "transformer." prefix) -> shape.
QMap<QString, QList<qint64>> expectedDitTensors(const DitShape& shape);

// Empty when the safetensors file at `path` holds exactly the expected tensors, else a
// message naming the first problems (missing, unexpected, mis-shaped tensors).
QString checkDitWeights(const QString& path, const DitShape& shape);

}  // namespace drs::ui
