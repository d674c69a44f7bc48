#include "ui/run/generation_controller.h"

#include <QSettings>

#include <algorithm>

#include "drs/lyrics.h"
#include "frontend/run_priors.h"
#include "ui/error_advice.h"
#include "ui/models/model_manager.h"
#include "ui/speed_history.h"

namespace drs::ui {
namespace {

constexpr int kTickMs = 200;
const QString kCpuBfloat16Key = QStringLiteral("engine/cpuBfloat16");
const QString kCpuInt8Key = QStringLiteral("engine/cpuInt8");

// The CLI's rule: $DRS_MODEL_SET (one set, for developers and tests; formerly
// $DRS_MODEL_DIR), else the preferred real set of the model store, else the engine's
// default (the demo set).
std::filesystem::path choose_model_dir() {
  if (const QString chosen = modelSetToLoad(); !chosen.isEmpty()) return chosen.toStdString();
  return default_model_location();
}

std::unique_ptr<GenerationBackend> load_default_backend(QString* error) {
  try {
    return make_engine_backend(choose_model_dir(), GenerationController::savedPrecision());
  } catch (const Error& failure) {
    *error = QStringLiteral("<b>%1</b> — %2<br>%3")
                 .arg(error_title(failure.kind()),
                      QString::fromStdString(failure.what()).toHtmlEscaped(),
                      error_advice(failure.kind()));
  } catch (const std::exception& failure) {
    *error = QString::fromStdString(failure.what()).toHtmlEscaped();
  }
  return nullptr;
}

}  // namespace

GenerationController::GenerationController(QObject* parent)
    : QObject(parent), model_error_(noModelText()) {
  tick_.setInterval(kTickMs);
  connect(&tick_, &QTimer::timeout, this, &GenerationController::tick);
}

GenerationController::~GenerationController() {
  if (worker_) worker_->cancel();
}

QString GenerationController::noModelText() {
  return tr("<b>No model loaded.</b> %1").arg(error_advice(ErrorKind::ModelMissing));
}

Precision GenerationController::savedPrecision() {
  if (QSettings().value(kCpuInt8Key, false).toBool()) return Precision::Int8;
  if (QSettings().value(kCpuBfloat16Key, false).toBool()) return Precision::BFloat16;
  return Precision::Auto;
}

void GenerationController::savePrecision(Precision precision) {
  QSettings().setValue(kCpuBfloat16Key, precision == Precision::BFloat16);
  QSettings().setValue(kCpuInt8Key, precision == Precision::Int8);
}

void GenerationController::reloadEngine() {
  if (state_ != State::Idle) return;
  worker_.reset();  // joins the old worker thread before the new engine loads
  QString error;
  auto backend = load_default_backend(&error);
  model_error_ = error;
  attachBackend(std::move(backend));
}

void GenerationController::attachBackend(std::unique_ptr<GenerationBackend> backend) {
  worker_.reset();
  if (backend) {
    model_error_.clear();
    worker_ = std::make_unique<EngineWorker>(std::move(backend));
    connect(worker_.get(), &EngineWorker::progressed, this, &GenerationController::onProgress);
    connect(worker_.get(), &EngineWorker::runFinished, this, &GenerationController::onRunFinished);
    connect(worker_.get(), &EngineWorker::matmulSpeedMeasured, this,
            &GenerationController::onWorkerSpeed);
    // The probe may have finished before the connection existed.
    if (worker_->matmulSpeed()) QTimer::singleShot(0, this, &GenerationController::onWorkerSpeed);
  } else if (model_error_.isEmpty()) {
    model_error_ = noModelText();
  }
  info_ = worker_ ? worker_->info() : ModelInfo{};
  Q_EMIT engineChanged();
}

void GenerationController::onWorkerSpeed() {
  const auto speed = worker_ ? worker_->matmulSpeed() : std::nullopt;
  if (!speed) return;
  SpeedHistory::record_cpu_matmul_speed(speed->gflops, speed->bf16_speedup, speed->int8_speedup);
  Q_EMIT matmulSpeedMeasured(*speed);
}

int GenerationController::songFrames(double seconds) const {
  return end_frame_for(info_.max_frames, seconds);
}

double GenerationController::elapsedSeconds() const {
  return run_clock_.isValid() ? static_cast<double>(run_clock_.elapsed()) / 1000.0 : 0.0;
}

std::optional<double> GenerationController::remainingSeconds() const {
  if (!tracker_) return std::nullopt;
  const auto left = tracker_->remaining();
  if (!left) return std::nullopt;
  const double since = std::max(0.0, elapsedSeconds() - tracker_->elapsed());
  return std::max(0.0, *left - since);
}

frontend::RunPriors GenerationController::priorsFor(const SamplingSettings& sampling,
                                                    double seconds) const {
  const SpeedHistory history(info_, songFrames(seconds));
  const auto per_forward = history.seconds_per_forward() ? history.seconds_per_forward()
                                                         : history.calibrated_seconds_per_forward();
  return frontend::run_priors(sampling, per_forward, history.decode_seconds());
}

GenerationRequest GenerationController::request(std::string lyrics, const SongSettings& settings) {
  GenerationRequest request;
  request.lyrics = std::move(lyrics);
  request.seconds = settings.seconds;
  request.sampling = settings.sampling;
  request.seed = settings.seed;
  if (settings.wants_reference && settings.style_audio)  // the official --ref-audio-path
    request.style_audio = settings.style_audio;
  else
    request.style = settings.style;
  return request;
}

bool GenerationController::start(const GenerationRequest& request) {
  if (state_ != State::Idle || !worker_) return false;
  const auto id = worker_->submit(request);
  if (id == 0) return false;
  begin(id, request);
  return true;
}

bool GenerationController::resume(const RunJournal& journal) {
  if (state_ != State::Idle || !worker_) return false;
  const auto id = worker_->submitResume(journal.file);
  if (id == 0) return false;
  begin(id, journal.request);
  return true;
}

void GenerationController::begin(quint64 id, const GenerationRequest& request) {
  run_id_ = id;
  last_request_ = request;
  decoded_.clear();
  tracker_.emplace(priorsFor(request.sampling, request.seconds));
  run_clock_.start();
  tick_.start();
  Q_EMIT runStarted();
  setState(State::Running);
  Q_EMIT tick();
}

void GenerationController::cancel() {
  if (state_ != State::Running || !worker_) return;
  // A new run queues behind the stopping one instead of being refused.
  worker_->cancel();
  run_id_ = 0;
  tick_.stop();
  setState(State::Idle);
  Q_EMIT runEnded(Outcome::Cancelled);
}

void GenerationController::setState(State state) {
  state_ = state;
  Q_EMIT stateChanged(state);
}

void GenerationController::onProgress(quint64 run, const Progress& progress) {
  if (run != run_id_ || !tracker_ || state_ == State::Idle) return;
  // A preview comes after the step it shows, which the tracker has already counted.
  if (progress.preview) return Q_EMIT previewArrived(*progress.preview);
  if (progress.audio) {
    decoded_.append(*progress.audio);
    Q_EMIT audioDecoded(*progress.audio);
  }
  tracker_->update(progress);
  Q_EMIT progressed(tracker_->normalized(progress));
  Q_EMIT tick();
}

bool GenerationController::decoding() const {
  return state_ == State::Running && tracker_ && tracker_->stage() == Stage::Decoding;
}

void GenerationController::requestPreview(const PreviewWindow& window) {
  if (worker_ && state_ == State::Running) worker_->requestPreview(window);
}

void GenerationController::recordSpeed(const GenerationResult& result) const {
  if (result.seconds_per_step <= 0) return;
  const double decode = tracker_ ? tracker_->decode_seconds() : 0.0;
  SpeedHistory(info_, songFrames(last_request_.seconds))
      .record(result.seconds_per_step / frontend::passes_per_step(last_request_.sampling),
              decode > 0 ? std::optional<double>(decode) : std::nullopt);
}

void GenerationController::onRunFinished(quint64 run, const ResultPtr& result) {
  if (run != run_id_) return;  // a cancelled run's tail: already reported
  run_id_ = 0;
  tick_.stop();
  if (result->outcome == Outcome::Succeeded) recordSpeed(*result);
  info_ = worker_->info();  // device/precision are settled once the models loaded
  Q_EMIT runFinished(result);
  setState(State::Idle);
  Q_EMIT runEnded(result->outcome);
}

}  // namespace drs::ui
