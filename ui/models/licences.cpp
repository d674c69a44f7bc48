#include "ui/models/licences.h"

#include <QCoreApplication>

#include "ui/models/catalog_text.h"

namespace drs::ui {
namespace {
// Translatable strings of this file (lupdate context drs::ui::Licences).
struct Text {
  Q_DECLARE_TR_FUNCTIONS(drs::ui::Licences)
};
}  // namespace

bool hasNonCommercialPart(const CatalogSet& set) {
  return set.non_commercial();
}

QString licenceSummaryHtml(const CatalogSet& set) {
  QString html = QStringLiteral("<p>") +
                 Text::tr("<b>%1</b> is made of parts published under different licences:")
                     .arg(catalogText(set.title).toHtmlEscaped()) +
                 QStringLiteral("</p><ul>");
  for (const CatalogComponent& c : set.components) {
    const bool nc = qs(c.licence.name).contains(QLatin1String("NC"));
    html += QStringLiteral("<li><b>%1</b> — <a href=\"%2\">%3</a><br>%4%5%6</li>")
                .arg(catalogText(c.title).toHtmlEscaped(), qs(c.licence.url),
                     qs(c.licence.name).toHtmlEscaped(), nc ? QStringLiteral("<b>") : QString(),
                     catalogText(c.licence.note).toHtmlEscaped(),
                     nc ? QStringLiteral("</b>") : QString());
  }
  html += QStringLiteral("</ul>");
  if (hasNonCommercialPart(set))
    html += QStringLiteral("<p><b>") +
            Text::tr(
                "Songs generated with this set may not be used commercially, because the "
                "MuQ-MuLan style encoder is licensed CC-BY-NC 4.0.") +
            QStringLiteral("</b></p>");
  html += QStringLiteral("<p><small>") +
          Text::tr(
              "Summary of the model cards, not legal advice. By downloading you accept these "
              "licences.") +
          QStringLiteral("</small></p>");
  return html;
}

}  // namespace drs::ui
