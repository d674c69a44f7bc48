#include "ui/models/first_run_offer.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "drs/model_catalog.h"
#include "ui/models/catalog_text.h"
#include "ui/models/model_manager.h"
#include "ui/models/model_manager_dialog.h"

namespace drs::ui {

FirstRunOffer::FirstRunOffer(QWidget* parent)
    : QWidget(parent), dontAsk_(new QCheckBox(tr("Don't ask again"), this)) {
  auto* layout = new QVBoxLayout(this);
  auto* intro =
      new QLabel(tr("<h3>No DiffRhythm model is installed yet</h3>"
                    "<p>The app is running on the <b>demo model</b>: everything works, but it "
                    "produces noise, not music. To make songs, download a real model set or import "
                    "files you already have.</p>"),
                 this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  for (const CatalogSet& set : model_catalog()) {
    if (set.is_component) continue;  // offered in the Models dialog
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(
        tr("<b>%1</b> — %2 Download size about %3.")
            .arg(catalogText(set.title).toHtmlEscaped(),
                 catalogText(set.description).toHtmlEscaped(), formatBytes(set.approx_bytes())),
        this);
    label->setWordWrap(true);
    auto* button = new QPushButton(tr("Download…"), this);
    button->setObjectName(QStringLiteral("download-") + qs(set.id));
    const QString id = qs(set.id);
    connect(button, &QPushButton::clicked, this, [this, id] { Q_EMIT downloadRequested(id); });
    row->addWidget(label, 1);
    row->addWidget(button);
    layout->addLayout(row);
  }
  auto* buttons = new QHBoxLayout;
  auto* import = new QPushButton(tr("I already have the files…"), this);
  import->setObjectName(QStringLiteral("import"));
  auto* later = new QPushButton(tr("Not now"), this);
  later->setObjectName(QStringLiteral("not-now"));
  buttons->addWidget(dontAsk_);
  buttons->addStretch();
  buttons->addWidget(import);
  buttons->addWidget(later);
  layout->addLayout(buttons);
  connect(import, &QPushButton::clicked, this, &FirstRunOffer::importRequested);
  connect(later, &QPushButton::clicked, this, [this] { Q_EMIT dismissed(dontAsk_->isChecked()); });
}

FirstRunDialog::FirstRunDialog(QString storeDir, QWidget* parent)
    : QDialog(parent), storeDir_(std::move(storeDir)) {
  setWindowTitle(tr("Models"));
  auto* offer = new FirstRunOffer(this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(offer);
  connect(offer, &FirstRunOffer::dismissed, this, [this](bool forever) {
    if (forever) QSettings().setValue(QLatin1String(kSettingsFirstRunDismissed), true);
    reject();
  });
  connect(offer, &FirstRunOffer::downloadRequested, this, [this](const QString& id) {
    ModelManagerDialog manager(storeDir_, this);
    if (manager.downloadSet(id)) accept();
  });
  connect(offer, &FirstRunOffer::importRequested, this, [this] {
    ModelManagerDialog manager(storeDir_, this);
    if (manager.importFromFolder()) accept();
  });
}

}  // namespace drs::ui
