#include "ui/resume_offer.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace drs::ui {
namespace {

QString started_text(const std::string& utc) {
  const auto when = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODate);
  return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                        : QString::fromStdString(utc);
}

QString style_text(const RunJournal& journal) {
  const auto style = QString::fromStdString(journal.request.style);
  return style.isEmpty() ? ResumeOffer::tr("no style prompt") : style;
}

}  // namespace

ResumeOffer::ResumeOffer(QWidget* parent)
    : QFrame(parent),
      text_(new QLabel(this)),
      resume_(new QPushButton(tr("&Resume"), this)),
      discard_(new QPushButton(tr("&Discard"), this)) {
  setObjectName(QStringLiteral("resumeOffer"));
  setFrameShape(QFrame::StyledPanel);
  text_->setWordWrap(true);
  resume_->setObjectName(QStringLiteral("resumeButton"));
  discard_->setObjectName(QStringLiteral("discardRunButton"));
  resume_->setToolTip(tr("Continue the run from its last finished step"));
  discard_->setToolTip(tr("Delete what the interrupted run had computed"));
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(text_, 1);
  layout->addWidget(resume_);
  layout->addWidget(discard_);
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (!offered_) return;
    const RunJournal journal = *offered_;
    hide();
    Q_EMIT resumeRequested(journal);
  });
  connect(discard_, &QPushButton::clicked, this, &ResumeOffer::discard);
  hide();
}

void ResumeOffer::refresh(const std::filesystem::path& cache_dir) {
  cache_dir_ = cache_dir;
  offered_.reset();
  others_ = 0;
  for (auto& journal : list_run_journals(cache_dir)) {
    if (!journal.problem.empty()) continue;
    if (offered_)
      ++others_;
    else
      offered_ = std::move(journal);
  }
  if (!offered_) return hide();
  QString text =
      tr("<b>An interrupted run can be continued</b> (step %1 of %2, started %3, "
         "“%4”).")
          .arg(offered_->step)
          .arg(offered_->steps)
          .arg(started_text(offered_->started_utc), style_text(*offered_).toHtmlEscaped());
  if (others_ > 0) text += QLatin1Char(' ') + tr("%n more after this one.", "", others_);
  text_->setText(text);
  show();
}

void ResumeOffer::discard() {
  if (offered_) discard_run_journal(offered_->file);
  refresh(cache_dir_);
}

}  // namespace drs::ui
