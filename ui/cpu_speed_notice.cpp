#include "ui/cpu_speed_notice.h"

#include <QCoreApplication>

#include "drs/blas_kernel.h"
#include "drs/cpu_features.h"

namespace drs::ui {
namespace {

// Gives the strings below their own translation context.
class CpuSpeedNotice {
  Q_DECLARE_TR_FUNCTIONS(CpuSpeedNotice)

 public:
  static QString fixFor(const MatmulSpeed& speed);
  static QString notice(const MatmulSpeed& speed);
  static QString maths();
};

QString CpuSpeedNotice::fixFor(const MatmulSpeed& speed) {
  const QString library = QString::fromStdString(speed.blas_library);
  const auto& k = speed.kernel;
  const QString core = QString::fromStdString(k.core);
  const QString best = QString::fromStdString(k.best_core);
  if (library.contains(QLatin1String("/blas/")))
    return tr("LibTorch is using the reference BLAS (%1). Install an optimised one, e.g. "
              "<code>sudo apt install libopenblas0-pthread</code>, and restart.")
        .arg(library.toHtmlEscaped());
  if (k.fallback && k.selection == BlasCoreSelection::User)
    return tr("<code>OPENBLAS_CORETYPE=%1</code> selects OpenBLAS's generic kernels, but this "
              "CPU supports %2: unset the variable (or set it to %2) and restart.")
        .arg(core.toHtmlEscaped(), best.toHtmlEscaped());
  if (k.fallback && k.selection == BlasCoreSelection::Kept)
    return tr("OpenBLAS does not know this CPU and runs its generic %1 kernels; its %2 kernels "
              "were tried and rejected (%3). A newer OpenBLAS may know this CPU.")
        .arg(core.toHtmlEscaped(), QString::fromStdString(k.tried_core).toHtmlEscaped(),
             QString::fromStdString(k.reason).toHtmlEscaped());
  if (k.fallback)
    return tr("OpenBLAS runs its generic %1 kernels on this CPU, which supports %2: start the "
              "app with <code>OPENBLAS_CORETYPE=%2</code>.")
        .arg(core.toHtmlEscaped(), best.toHtmlEscaped());
  return tr(
      "Check that an optimised BLAS (OpenBLAS or MKL) is installed and that no other "
      "program is using the CPU.");
}

QString CpuSpeedNotice::notice(const MatmulSpeed& speed) {
  return tr("<b>Slow CPU maths:</b> matrix multiplication runs at only %1 GFLOP/s on %2 "
            "threads, where this CPU's vector units should give at least %3, so songs will "
            "take many times longer than they should. %4")
      .arg(speed.gflops, 0, 'f', 1)
      .arg(speed.threads)
      .arg(speed.expected_gflops, 0, 'f', 0)
      .arg(fixFor(speed));
}

QString CpuSpeedNotice::maths() {
  const auto cpu = detect_cpu_features();
  return tr("CPU maths: %1\nVector units: %2")
      .arg(QString::fromStdString(current_blas_kernel().describe()),
           QString::fromStdString(cpu.summary()));
}

}  // namespace

QString slowCpuNotice(const MatmulSpeed& speed) {
  return speed.slow ? CpuSpeedNotice::notice(speed) : QString();
}

QString mathsDescription() {
  return CpuSpeedNotice::maths();
}

}  // namespace drs::ui
