// A GoogleTest fixture whose every test gets a fresh temporary folder, dir_ (see
// support/temp_dir.h), removed after the test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>

#include "support/temp_dir.h"

namespace drs::test {

class TempDirTest : public ::testing::Test {
 protected:
  TempDir temp_;
  const std::filesystem::path& dir_ = temp_.path();
};

}  // namespace drs::test
