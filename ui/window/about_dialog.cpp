#include "ui/window/about_dialog.h"

#include <QCoreApplication>
#include <QFile>
#include <QIcon>

#include "ui/cpu_speed_notice.h"

namespace drs::ui {

AboutDialog::AboutDialog(QWidget* parent) : QMessageBox(parent) {
  QFile notice(QStringLiteral(":/NOTICE"));
  const QString licences =
      notice.open(QIODevice::ReadOnly) ? QString::fromUtf8(notice.readAll()) : QString();
  setWindowTitle(tr("About DiffRhythm Studio"));
  setIconPixmap(QIcon(QStringLiteral(":/icons/diffrhythm-studio.svg")).pixmap(64, 64));
  setText(tr("<h3>DiffRhythm Studio %1</h3><p>Lyrics and a style prompt in, a song out — "
             "with a native C++ implementation of DiffRhythm inference.</p>"
             "<p>Licensed under the GNU GPL v3 or later.</p>")
              .arg(QCoreApplication::applicationVersion()));
  setInformativeText(mathsDescription().toHtmlEscaped().replace(u'\n', QLatin1String("<br>")));
  setDetailedText(licences);
}

}  // namespace drs::ui
