// The slow-maths banner names the fix that applies to what the probe found.
#include <QtTest>

#include "drs/machine_speed.h"
#include "ui/cpu_speed_notice.h"

using namespace drs;

namespace {

CpuFeatures avx512_bf16_cpu() {
  CpuFeatures f;
  f.vendor = CpuVendor::Intel;
  f.avx = f.avx2 = f.fma = true;
  f.avx512f = f.avx512bw = f.avx512dq = f.avx512vl = f.avx512_bf16 = true;
  return f;
}

BlasKernel prescott(BlasCoreSelection selection) {
  BlasKernel k;
  k.core = "Prescott";
  k.best_core = "Cooperlake";
  k.fallback = true;
  k.selection = selection;
  if (selection == BlasCoreSelection::Kept) {
    k.tried_core = "Cooperlake";
    k.reason = "not faster";
  }
  return k;
}

const std::string kOpenBlas = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";

}  // namespace

class TestCpuSpeedNotice : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fastMathsShowNothing() {
    BlasKernel right;
    right.core = "Cooperlake";
    QVERIFY(ui::slowCpuNotice(classify_matmul_speed(227, 2, kOpenBlas, avx512_bf16_cpu(), right))
                .isEmpty());
  }

  void aFallbackCoreIsNamedWithItsFix() {
    const auto library = ui::slowCpuNotice(classify_matmul_speed(
        44, 2, kOpenBlas, avx512_bf16_cpu(), prescott(BlasCoreSelection::Library)));
    QVERIFY(library.contains(QStringLiteral("Slow CPU maths")));
    QVERIFY(library.contains(QStringLiteral("Prescott")));
    QVERIFY(library.contains(QStringLiteral("OPENBLAS_CORETYPE=Cooperlake")));

    const auto user = ui::slowCpuNotice(classify_matmul_speed(44, 2, kOpenBlas, avx512_bf16_cpu(),
                                                              prescott(BlasCoreSelection::User)));
    QVERIFY(user.contains(QStringLiteral("unset the variable")));

    const auto kept = ui::slowCpuNotice(classify_matmul_speed(44, 2, kOpenBlas, avx512_bf16_cpu(),
                                                              prescott(BlasCoreSelection::Kept)));
    QVERIFY(kept.contains(QStringLiteral("tried and rejected (not faster)")));
  }

  void theReferenceBlasKeepsItsAptFix() {
    const auto notice = ui::slowCpuNotice(
        classify_matmul_speed(4, 2, "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3"));
    QVERIFY(notice.contains(QStringLiteral("libopenblas0-pthread")));
  }

  void theAboutBoxDescribesTheKernel() {
    const auto text = ui::mathsDescription();
    qInfo("%s", qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Vector units")));
    QVERIFY(text.contains(QStringLiteral("BLAS")));
  }
};

QTEST_MAIN(TestCpuSpeedNotice)
#include "test_cpu_speed_notice.moc"
