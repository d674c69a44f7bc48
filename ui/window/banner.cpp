#include "ui/window/banner.h"

namespace drs::ui {

Banner::Banner(QWidget* parent) : QLabel(parent) {
  setObjectName(QStringLiteral("bannerLabel"));
  setWordWrap(true);
  setTextFormat(Qt::RichText);
  setMargin(6);
  hide();
}

void Banner::showMessage(const QString& html, Kind kind) {
  const char* color = kind == Kind::Error                           ? "#f8d7da"
                      : kind == Kind::Demo || kind == Kind::Warning ? "#fff3cd"
                                                                    : "#d1ecf1";
  setStyleSheet(QStringLiteral("QLabel { background: %1; color: #222; border-radius: 4px; }")
                    .arg(QLatin1String(color)));
  setText(html);
  kind_ = kind;
  show();
}

}  // namespace drs::ui
