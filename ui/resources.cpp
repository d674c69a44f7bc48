#include "ui/resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares a function and must run outside any namespace.
static void init_app_resources() {
  Q_INIT_RESOURCE(app);
}

namespace drs::ui {
void init_resources() {
  static const bool done = (init_app_resources(), true);
  (void)done;
}
}  // namespace drs::ui
