// The Models dialog's hub preferences: which Hugging Face endpoint (or mirror) and which
// access token the engine's downloader is given. The URLs, redirects, resume and checks
// are the engine's (drs/model_download.h).
#pragma once

#include <QByteArray>
#include <QString>

namespace drs::ui {

// QSettings keys shared by the model manager.
inline constexpr const char* kSettingsHubEndpoint = "models/hubEndpoint";
inline constexpr const char* kSettingsHubToken = "models/hubToken";
inline constexpr const char* kSettingsStoreDir = "models/storeDir";

// Settings value, else $HF_ENDPOINT, else https://huggingface.co (no trailing slash).
QString hubEndpoint();

// $HF_TOKEN, else the settings value; empty when none. Sent as `Authorization: Bearer`
// to the hub only.
QByteArray hubToken();

}  // namespace drs::ui
