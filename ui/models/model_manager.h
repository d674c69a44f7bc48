// The small API the main window uses (owned by the model manager):
//   drs::ui::modelStoreDir()        where model sets live (see model_store.h)
//   drs::ui::modelSetToLoad()       the set the window loads (the CLI's rule)
//   drs::ui::hasRealModels(dir)     is a usable non-demo set installed?
//   drs::ui::firstInstalledSet(dir) its folder, for the engine's EngineOptions::model_dir
//   drs::ui::offerModelsIfNeeded(w) first run: offers (never forces) download/import
//   drs::ui::ModelManagerDialog     the Models dialog (model_manager_dialog.h)
#pragma once

#include <QString>

#include "ui/models/model_store.h"

class QWidget;

namespace drs::ui {

// The folder of the usable non-demo set to load from `storeDir` (the full model
// before the base one, as the engine's default), empty if none.
QString firstInstalledSet(const QString& storeDir);

// One set folder named by the environment ($DRS_MODEL_SET, or the deprecated
// $DRS_MODEL_DIR: drs::model_set_override()), else firstInstalledSet(modelStoreDir()):
// the set diffrhythm-cli generate uses without --models. Empty when neither exists
// (the caller falls back to the demo set).
QString modelSetToLoad();

// True when the environment names the set, so the Models dialog cannot change it.
bool modelSetFixedByEnvironment();

// When no real model is installed (and the user has not said "don't ask again"),
// shows the FirstRunOffer; returns true if a set was installed meanwhile (the caller
// should then reload the engine on firstInstalledSet()).
bool offerModelsIfNeeded(QWidget* parent);

// QSettings key: the user dismissed the first-run offer for good.
inline constexpr const char* kSettingsFirstRunDismissed = "models/firstRunDismissed";

}  // namespace drs::ui
