// test/models/common/input_file_test.cpp — every input file is checked before it is read: it
// must be a regular file within the size limit for its kind.
#include "models/common/input_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace sovsim {
namespace {

class InputFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "sovsim-in-XXXXXX").string();
    dir_ = ::mkdtemp(pattern.data());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(InputFile, ReadsARegularFile) {
  std::ofstream(dir_ / "a.yaml") << "name: x\n";
  const auto text = read_input_file(dir_ / "a.yaml", "scenario file", 100);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value(), "name: x\n");
}

TEST_F(InputFile, RefusesDevicesDirectoriesAndMissingFiles) {
  const auto device = read_input_file("/dev/zero", "hardware file", kMaxCatalogFileBytes);
  ASSERT_FALSE(device.ok());
  EXPECT_EQ(device.diagnostics()[0].to_string(),
            "/dev/zero: expected the hardware file to be a regular file, found a character device");
  const auto directory = read_input_file(dir_, "trace file", kMaxTraceFileBytes);
  ASSERT_FALSE(directory.ok());
  EXPECT_NE(directory.diagnostics()[0].message.find("found a directory"), std::string::npos);
  const auto missing = read_input_file(dir_ / "nope", "scenario file", 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.diagnostics()[0].message, "cannot open the scenario file: no such file");
  EXPECT_FALSE(read_input_file("", "scenario file", 100).ok());
}

TEST_F(InputFile, RefusesAFileOverTheLimit) {
  std::ofstream(dir_ / "big.yaml") << std::string(3 << 20, 'x');
  const auto big = read_input_file(dir_ / "big.yaml", "model file", 2 << 20);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.diagnostics()[0].message,
            "the model file is 3.0 MiB, more than the 2 MiB limit for such files");
}

}  // namespace
}  // namespace sovsim
