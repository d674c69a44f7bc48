#include "ui/models/model_manager_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTextBrowser>
#include <QThread>
#include <QVBoxLayout>

#include "drs/error.h"
#include "drs/model_install.h"
#include "drs/model_set.h"
#include "ui/models/catalog_text.h"
#include "ui/models/download_dialog.h"
#include "ui/models/hub_endpoint.h"
#include "ui/models/licences.h"
#include "ui/models/model_store.h"
#include "ui/models/set_download.h"

namespace drs::ui {
namespace {

// Licence text in a scrollable dialog; true when the user accepts.
bool confirmLicences(QWidget* parent, const CatalogSet& set, const QString& action) {
  QDialog dialog(parent);
  dialog.setWindowTitle(QObject::tr("Licences of %1").arg(catalogText(set.title)));
  auto* layout = new QVBoxLayout(&dialog);
  auto* text = new QTextBrowser(&dialog);
  text->setOpenExternalLinks(true);
  text->setHtml(licenceSummaryHtml(set));
  layout->addWidget(text);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
  buttons->addButton(action, QDialogButtonBox::AcceptRole);
  layout->addWidget(buttons);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  dialog.resize(560, 420);
  return dialog.exec() == QDialog::Accepted;
}

// Runs `work` on a worker thread while the GUI keeps painting (hashing gigabytes).
template <typename Work>
void runOffThread(Work work) {
  QThread* thread = QThread::create(std::move(work));
  thread->start();
  while (!thread->wait(50)) QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
  delete thread;
}

QString joinLines(const std::vector<std::string>& lines) {
  QStringList out;
  for (const std::string& line : lines) out.append(qs(line));
  return out.join(QLatin1Char('\n'));
}

}  // namespace

ModelManagerDialog::ModelManagerDialog(QWidget* parent)
    : ModelManagerDialog(modelStoreDir(), parent) {}

ModelManagerDialog::ModelManagerDialog(QString storeDir, QWidget* parent)
    : QDialog(parent), storeDir_(std::move(storeDir)) {
  setWindowTitle(tr("Models"));
  build();
  refresh();
}

void ModelManagerDialog::build() {
  auto* layout = new QVBoxLayout(this);
  auto* storeRow = new QHBoxLayout;
  storeLabel_ = new QLabel(this);
  storeLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* change = new QPushButton(tr("Change…"), this);
  storeRow->addWidget(storeLabel_, 1);
  storeRow->addWidget(change);
  layout->addLayout(storeRow);

  installed_ = new QListWidget(this);
  layout->addWidget(new QLabel(tr("Installed model sets:"), this));
  layout->addWidget(installed_);
  auto* remove = new QPushButton(tr("Remove selected set…"), this);
  remove->setObjectName(QStringLiteral("remove"));
  layout->addWidget(remove, 0, Qt::AlignRight);
  connect(remove, &QPushButton::clicked, this, [this] {
    if (const QListWidgetItem* item = installed_->currentItem(); item != nullptr)
      removeSet(item->data(Qt::UserRole).toString());
  });

  auto* getBox = new QGroupBox(tr("Get a model set"), this);
  auto* getLayout = new QHBoxLayout(getBox);
  catalog_ = new QComboBox(getBox);
  // Model sets and stand-alone components (Chinese lyrics), each with its licences.
  for (const CatalogSet& set : model_catalog())
    catalog_->addItem(
        tr("%1 (about %2)").arg(catalogText(set.title), formatBytes(set.approx_bytes())),
        qs(set.id));
  auto* download = new QPushButton(tr("Download…"), getBox);
  auto* import = new QPushButton(tr("Import from folder…"), getBox);
  getLayout->addWidget(catalog_, 1);
  getLayout->addWidget(download);
  getLayout->addWidget(import);
  layout->addWidget(getBox);

  auto* hubBox = new QGroupBox(tr("Hugging Face"), this);
  auto* form = new QFormLayout(hubBox);
  endpoint_ =
      new QLineEdit(QSettings().value(QLatin1String(kSettingsHubEndpoint)).toString(), hubBox);
  endpoint_->setPlaceholderText(hubEndpoint());
  token_ = new QLineEdit(QSettings().value(QLatin1String(kSettingsHubToken)).toString(), hubBox);
  token_->setEchoMode(QLineEdit::Password);
  token_->setPlaceholderText(qEnvironmentVariableIsSet("HF_TOKEN")
                                 ? tr("(from HF_TOKEN)")
                                 : tr("only for gated repositories"));
  form->addRow(tr("Endpoint:"), endpoint_);
  form->addRow(tr("Access token:"), token_);
  layout->addWidget(hubBox);

  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  layout->addWidget(close);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
  connect(change, &QPushButton::clicked, this, &ModelManagerDialog::chooseStore);
  connect(download, &QPushButton::clicked, this, [this] { downloadSet(selectedSetId()); });
  connect(import, &QPushButton::clicked, this, [this] { importFromFolder({}, selectedSetId()); });
  connect(endpoint_, &QLineEdit::editingFinished, this, &ModelManagerDialog::saveHubSettings);
  connect(token_, &QLineEdit::editingFinished, this, &ModelManagerDialog::saveHubSettings);
  resize(640, 520);
}

QString ModelManagerDialog::selectedSetId() const {
  return catalog_->currentData().toString();
}

void ModelManagerDialog::refresh() {
  storeLabel_->setText(tr("Model folder: %1").arg(storeDir_));
  installed_->clear();
  const auto sets = installedSets(storeDir_);
  for (const InstalledSet& set : sets) {
    qint64 bytes = 0;
    for (const ManifestFile& f : set.manifest.files) bytes += f.size;
    QStringList licences;
    for (const ManifestLicence& l : set.manifest.licences) licences.append(qs(l.name));
    const QDateTime installed = QDateTime::fromString(qs(set.manifest.installed), Qt::ISODate);
    QString text =
        tr("%1 — %2, installed %3 (%4)%5")
            .arg(set.manifest.name.empty() ? set.folder : catalogText(set.manifest.name),
                 formatBytes(bytes),
                 QLocale().toString(installed.toLocalTime(), QLocale::ShortFormat),
                 qs(set.manifest.source),
                 licences.isEmpty() ? QString()
                                    : QStringLiteral("; ") + licences.join(QStringLiteral(", ")));
    if (set.manifest.is_demo) text += tr(" [demo]");
    if (!set.usable()) text += tr(" — damaged: %1").arg(set.problems.join(QStringLiteral("; ")));
    auto* item = new QListWidgetItem(text, installed_);
    item->setData(Qt::UserRole, set.folder);
  }
  if (sets.isEmpty()) installed_->addItem(tr("(none — the app runs on the demo model)"));
}

void ModelManagerDialog::chooseStore() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), storeDir_);
  if (dir.isEmpty()) return;
  storeDir_ = dir;
  try {
    setModelStoreDir(dir);  // shared with diffrhythm-cli
  } catch (const Error& e) {
    QMessageBox::warning(this, tr("Model folder"), qs(e.what()));
  }
  refresh();
  Q_EMIT modelsChanged();
}

void ModelManagerDialog::saveHubSettings() {
  QSettings settings;
  settings.setValue(QLatin1String(kSettingsHubEndpoint), endpoint_->text().trimmed());
  settings.setValue(QLatin1String(kSettingsHubToken), token_->text().trimmed());
}

bool ModelManagerDialog::downloadSet(const QString& setId) {
  const CatalogSet* set = find_catalog_set(setId.toStdString());
  if (!set || !confirmLicences(this, *set, tr("Accept and download"))) return false;
  saveHubSettings();
  SetDownload download(*set, storeDir_, hubEndpoint());
  DownloadDialog progress(&download, this);
  QMetaObject::invokeMethod(&download, &SetDownload::start, Qt::QueuedConnection);
  const bool ok = progress.exec() == QDialog::Accepted;
  if (!ok && !progress.errorMessage().isEmpty() && !download.wasCancelled())
    QMessageBox::warning(this, tr("Download failed"), progress.errorMessage());
  refresh();
  if (ok) Q_EMIT modelsChanged();
  return ok;
}

bool ModelManagerDialog::importFromFolder(QString folder, QString setId) {
  if (setId.isEmpty()) setId = selectedSetId();
  const CatalogSet* set = find_catalog_set(setId.toStdString());
  if (!set) return false;
  if (folder.isEmpty())
    folder = QFileDialog::getExistingDirectory(
        this, tr("Folder with the files of %1 (a plain folder or a Hugging Face cache)")
                  .arg(catalogText(set->title)));
  if (folder.isEmpty() || !confirmLicences(this, *set, tr("Accept and import"))) return false;

  QApplication::setOverrideCursor(Qt::WaitCursor);
  ImportPlan plan;
  runOffThread([&] { plan = plan_import(folder.toStdString(), *set); });
  QString error;
  bool ok = plan.ok();
  if (ok) {
    runOffThread([&] {
      try {
        (void)execute_import(plan, *set, storeDir_.toStdString());
      } catch (const Error& e) {
        ok = false;
        error = qs(e.what());
      }
    });
  }
  QApplication::restoreOverrideCursor();
  if (!plan.ok())
    QMessageBox::warning(this, tr("Import refused"),
                         tr("Nothing was copied. Problems found:\n%1").arg(joinLines(plan.errors)));
  else if (!ok)
    QMessageBox::warning(this, tr("Import failed"), error);
  refresh();
  if (ok) Q_EMIT modelsChanged();
  return ok;
}

bool ModelManagerDialog::removeSet(const QString& folder, bool confirm) {
  // Only a direct subfolder of the store that holds a manifest is ever deleted.
  const QFileInfo info(folder);
  if (folder.isEmpty() || QDir::cleanPath(info.absolutePath()) != QDir::cleanPath(storeDir_) ||
      !QFileInfo::exists(QDir(folder).filePath(QLatin1String(ModelSetLayout::kManifest))))
    return false;
  if (confirm &&
      QMessageBox::question(this, tr("Remove model set"),
                            tr("Delete %1 and all its files?").arg(folder)) != QMessageBox::Yes)
    return false;
  const bool removed = QDir(folder).removeRecursively();
  refresh();
  if (removed) Q_EMIT modelsChanged();
  return removed;
}

}  // namespace drs::ui
