// A few example songs for the Examples menu (original lyrics written for this app).
#pragma once

#include <QString>

#include <vector>

namespace drs::ui {

struct ExampleSong {
  QString title;   // translated
  QString style;   // style prompt
  QString lyrics;  // LRC
};

std::vector<ExampleSong> example_songs();

}  // namespace drs::ui
