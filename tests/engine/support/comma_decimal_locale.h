// A comma-decimal locale (de_DE.UTF-8) in effect for a test's scope, selected for C
// (setlocale) and C++ (std::locale::global) as a Qt application selects the user's
// locale at start-up. It is generated into a temporary folder with Debian's localedef
// (found there through LOCPATH), since de_DE.UTF-8 is not installed everywhere; the
// previous locale and LOCPATH are restored at the end.
#pragma once

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <locale>
#include <optional>
#include <string>

#include "support/temp_dir.h"

namespace drs::test {

class CommaDecimalLocale {
 public:
  CommaDecimalLocale() {
    const std::string make =
        "localedef -i de_DE -f UTF-8 '" + (folder_ / "de_DE.UTF-8").string() + "' >/dev/null 2>&1";
    if (std::system(make.c_str()) != 0) {
      problem_ = "localedef could not make de_DE.UTF-8 (package locales)";
      return;
    }
    if (const char* old = std::getenv("LOCPATH")) old_locpath_ = old;
    ::setenv("LOCPATH", folder_.path().c_str(), 1);
    previous_ = std::setlocale(LC_ALL, nullptr);
    if (std::setlocale(LC_ALL, "de_DE.UTF-8") == nullptr) {
      problem_ = "setlocale refused the generated de_DE.UTF-8";
      return;
    }
    std::locale::global(std::locale("de_DE.UTF-8"));
    char probe[16];
    std::snprintf(probe, sizeof probe, "%.1f", 2.5);
    if (std::string(probe) != "2,5") problem_ = std::string("printf still writes ") + probe;
  }
  ~CommaDecimalLocale() {
    std::locale::global(std::locale::classic());
    if (!previous_.empty()) std::setlocale(LC_ALL, previous_.c_str());
    if (old_locpath_)
      ::setenv("LOCPATH", old_locpath_->c_str(), 1);
    else
      ::unsetenv("LOCPATH");
  }
  CommaDecimalLocale(const CommaDecimalLocale&) = delete;
  CommaDecimalLocale& operator=(const CommaDecimalLocale&) = delete;

  // Empty when the locale is in effect (printf writes 2.5 as "2,5"), else why not.
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  TempDir folder_{"locale"};  // removed after the destructor has restored the locale
  std::string previous_, problem_;
  std::optional<std::string> old_locpath_;
};

}  // namespace drs::test
