#include "ui/run/partial_take_offer.h"

#include <QMessageBox>
#include <QPushButton>

#include "ui/run/generation_controller.h"

namespace drs::ui {

PartialTakeOffer::PartialTakeOffer(GenerationController* controller, QWidget* dialogParent)
    : QObject(dialogParent), controller_(controller), parent_(dialogParent) {}

void PartialTakeOffer::cancelRun() {
  const bool offer = controller_->decoding() && !controller_->decodedSoFar().empty();
  const auto partial = offer ? controller_->decodedSoFar().takes(controller_->lastRequest().seed)
                             : std::vector<Take>{};
  const double seconds = controller_->decodedSoFar().seconds();
  controller_->cancel();
  if (offer && ask(seconds)) Q_EMIT keepRequested(partial);
}

bool PartialTakeOffer::ask(double seconds) const {
  QMessageBox box(QMessageBox::Question, tr("Keep the decoded part?"),
                  tr("%1 s of the song had been decoded when you cancelled. Keep them as a "
                     "partial take? They play at the level they were heard at while decoding.")
                      .arg(seconds, 0, 'f', 1),
                  QMessageBox::NoButton, parent_);
  box.setObjectName(QStringLiteral("keepPartialBox"));
  auto* keep = box.addButton(tr("Keep partial take"), QMessageBox::AcceptRole);
  auto* discard = box.addButton(tr("Discard"), QMessageBox::RejectRole);
  keep->setObjectName(QStringLiteral("keepPartialButton"));
  box.setDefaultButton(discard);
  box.setEscapeButton(discard);
  box.exec();
  return box.clickedButton() == keep;
}

}  // namespace drs::ui
