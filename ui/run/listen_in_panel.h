// Listen-in while sampling (drs/listen_in.h): a button that asks the running job for
// the model's current estimate of the song around a point, and plays the preview when
// it arrives, labelled as such with what it cost the run.
#pragma once

#include <QWidget>

#include <functional>
#include <memory>

#include "drs/listen_in.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace drs::ui {

class GenerationController;
class StreamingPlayback;

class ListenInPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ListenInPanel(QWidget* parent = nullptr);
  ~ListenInPanel() override;
  ListenInPanel(const ListenInPanel&) = delete;
  ListenInPanel& operator=(const ListenInPanel&) = delete;

  // Follows the controller's runs: enabled while sampling, asks it for previews, plays
  // what arrives, resets when a run ends.
  void follow(GenerationController* controller);
  // Where a preview should be centred when asked (seconds into the song), e.g. the
  // lyric line under the editor's cursor. Unset: the song's first 10 s.
  void setCentreProvider(std::function<double()> centre);
  // Centres on the lyric line under `editor`'s cursor, a few seconds into it (a line is
  // sung from its stamp on); the song's start when the line has no stamp.
  void centreOnLyricLine(const QPlainTextEdit* editor);
  // Sampling is running and at least one step has finished: asking makes sense.
  void setSampling(bool sampling, int stepsDone);
  // A run ended or was cancelled: forget a pending request, stop playing.
  void reset();
  // The preview the engine sent for this panel's request.
  void showPreview(const PreviewAudio& preview);

  [[nodiscard]] bool waiting() const { return waiting_; }
  [[nodiscard]] bool playing() const;
  [[nodiscard]] QString statusText() const;
  [[nodiscard]] QPushButton* button() const { return button_; }

 Q_SIGNALS:
  // The user asked to listen in; the owner forwards it to the running job.
  void previewRequested(const drs::PreviewWindow& window);

 private:
  void ask();
  void refresh();

  QPushButton* button_ = nullptr;
  QLabel* status_ = nullptr;
  std::unique_ptr<StreamingPlayback> playback_;
  std::function<double()> centre_;
  bool sampling_ = false;
  bool waiting_ = false;
  double last_cost_ = -1;  // seconds the last preview cost the run; < 0: none yet
};

}  // namespace drs::ui

Q_DECLARE_METATYPE(drs::PreviewWindow)
