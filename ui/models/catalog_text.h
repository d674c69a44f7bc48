// The engine's model catalogue (drs/model_catalog.h) shown in the GUI: its English
// titles and licence notes translated under the lupdate context drs::ui::ModelCatalog,
// and sizes formatted for the user's locale.
#pragma once

#include <QString>

#include <string>

namespace drs::ui {

// UTF-8 std::string -> QString.
QString qs(const std::string& text);

// A catalogue title, description or licence note in the UI language.
QString catalogText(const std::string& english);

// "2.22 GB", "625 MB", "247 B".
QString formatBytes(qint64 bytes);

}  // namespace drs::ui
