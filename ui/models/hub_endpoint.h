// Where model files come from: the Hugging Face hub (or a mirror named by HF_ENDPOINT
// or the settings), its `resolve` URLs, the access token for gated repositories, and
// the file-name rule that keeps every download inside the model store.
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace drs::ui {

// QSettings keys shared by the model manager.
inline constexpr const char* kSettingsHubEndpoint = "models/hubEndpoint";
inline constexpr const char* kSettingsHubToken = "models/hubToken";
inline constexpr const char* kSettingsStoreDir = "models/storeDir";

// Settings value, else $HF_ENDPOINT, else https://huggingface.co (no trailing slash).
QString hubEndpoint();

// `{base}/{repo}/resolve/{revision}/{file}`; `repo` is "org/name".
QUrl resolveUrl(const QString& base, const QString& repo, const QString& revision,
                const QString& file);

// $HF_TOKEN, else the settings value; empty when none. Sent as `Authorization: Bearer`.
QByteArray hubToken();

// A plain file name (drs::is_safe_relative_name without folders). Downloads refuse
// anything else.
bool isSafeFileName(const QString& name);

}  // namespace drs::ui
