// SHA-256 of a file, streamed in blocks (model files are gigabytes), and a variant
// that runs on a worker thread so the GUI stays responsive while a 2.6 GB file is hashed.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace drs::ui {

// Lower-case hex digest; empty (and *error set) when the file cannot be read.
QString sha256OfFile(const QString& path, QString* error = nullptr);

// Hashes on a worker thread, then calls `done(hex, error)` on `context`'s thread.
// Nothing is called if `context` is destroyed first.
void sha256OfFileAsync(QObject* context, const QString& path,
                       std::function<void(QString hex, QString error)> done);

// True for a 64-digit hex string (a SHA-256), case-insensitive.
bool looksLikeSha256(const QString& text);

}  // namespace drs::ui
