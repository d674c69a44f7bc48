// Downloads over libcurl against a real nginx on 127.0.0.1 serving small generated
// files: pinned and hub-published digests, an interrupted download resumed with Range,
// digest and size mismatches that name the file, HTTP errors, and a token that stays
// with the host it was meant for.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>

#include "drs/error.h"
#include "models/http_download.h"
#include "models/sha256.h"
#include "nginx_server.h"

namespace {

namespace fs = std::filesystem;
using drs::models::HttpDownload;

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 gen(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(gen() & 0xff);
  return out;
}

std::string sha256(const std::string& data) {
  drs::models::Sha256 h;
  h.update({reinterpret_cast<const std::byte*>(data.data()), data.size()});
  return h.hex_digest();
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

drs::Error failure(const HttpDownload& request) {
  try {
    (void)drs::models::download_file(request);
  } catch (const drs::Error& e) {
    return e;
  }
  ADD_FAILURE() << "download of " << request.url << " succeeded";
  return drs::Error(drs::ErrorKind::Internal, "");
}

class HttpDownloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = random_bytes(300'000, 7);
    server_.add_file("files/model.bin", data_);
    ASSERT_TRUE(server_.start()) << "nginx did not start (" << DRS_NGINX_PATH << ")";
  }
  HttpDownload request(const std::string& path, const std::string& name = "model.bin") {
    HttpDownload r;
    r.url = server_.base() + path;
    r.target = out_.path() / name;
    r.retry_delay_ms = 10;
    return r;
  }

  std::string data_;
  drs::test::NginxServer server_{
      "    location = /hub/model.bin {\n"
      "      add_header X-Linked-Etag '\"" +
      sha256(random_bytes(300'000, 7)) +
      "\"';\n"
      "      add_header X-Linked-Size 300000;\n"
      "      return 302 http://localhost:@PORT@/files/model.bin;\n    }\n"
      "    location = /hub/lying.bin {\n"
      "      add_header X-Linked-Etag '\"" +
      std::string(64, 'e') +
      "\"';\n"
      "      return 302 /files/model.bin;\n    }\n"};
  drs::test::TempDir out_;
};

TEST_F(HttpDownloadTest, PinnedSizeAndDigestVerifiedThenRenamed) {
  auto r = request("/files/model.bin");
  r.expected_size = static_cast<std::int64_t>(data_.size());
  r.sha256 = sha256(data_);
  const auto result = drs::models::download_file(r);
  EXPECT_TRUE(result.sha256_verified);
  EXPECT_EQ(result.sha256, r.sha256);
  EXPECT_EQ(read_all(r.target), data_);
  EXPECT_FALSE(fs::exists(r.target.string() + ".part"));
}

TEST_F(HttpDownloadTest, InterruptedDownloadResumesWithRange) {
  auto r = request("/files/model.bin");
  r.sha256 = sha256(data_);
  r.progress = [](std::int64_t done, std::int64_t) { return done < 64'000; };  // "Ctrl+C"
  const auto cancelled = failure(r);
  EXPECT_EQ(cancelled.kind(), drs::ErrorKind::Cancelled) << cancelled.what();
  const fs::path part = r.target.string() + ".part";
  ASSERT_TRUE(fs::exists(part));  // kept for the next run
  const auto kept = fs::file_size(part);
  EXPECT_GE(kept, 64'000u);
  EXPECT_LT(kept, data_.size());

  r.progress = {};
  const auto result = drs::models::download_file(r);
  EXPECT_TRUE(result.sha256_verified);
  EXPECT_EQ(read_all(r.target), data_);
  const std::string range = "range=\"bytes=" + std::to_string(kept) + "-\"";
  const std::string log = server_.access_log_with(range);
  EXPECT_NE(log.find(range), std::string::npos) << log;
}

TEST_F(HttpDownloadTest, DigestMismatchNamesTheFileAndKeepsNothing) {
  auto r = request("/files/model.bin");
  r.sha256 = std::string(64, '0');
  const auto e = failure(r);
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_NE(std::string(e.what()).find("model.bin: SHA-256 " + sha256(data_)), std::string::npos)
      << e.what();
  EXPECT_FALSE(fs::exists(r.target));
  EXPECT_FALSE(fs::exists(r.target.string() + ".part"));

  r.sha256.clear();
  r.expected_size = 12345;
  const auto size = failure(r);
  EXPECT_EQ(size.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_NE(std::string(size.what()).find("expected 12345"), std::string::npos) << size.what();
}

TEST_F(HttpDownloadTest, HubMetadataOfTheRedirectIsTheExpectedDigest) {
  auto good = request("/hub/model.bin");
  good.token = "secret-token";
  const auto result = drs::models::download_file(good);
  EXPECT_TRUE(result.sha256_verified);
  EXPECT_EQ(read_all(good.target), data_);
  // The token went to the hub (127.0.0.1), not to the host it redirected to (localhost).
  const std::string log = server_.access_log_with("/files/model.bin 200");
  EXPECT_NE(log.find("/hub/model.bin 302 range=\"-\" auth=\"Bearer secret-token\""),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("/files/model.bin 200 range=\"-\" auth=\"-\""), std::string::npos) << log;

  const auto lying = failure(request("/hub/lying.bin", "lying.bin"));
  EXPECT_EQ(lying.kind(), drs::ErrorKind::ModelCorrupt);
  EXPECT_NE(std::string(lying.what()).find("lying.bin"), std::string::npos) << lying.what();
}

TEST_F(HttpDownloadTest, HttpErrorsAreNamedAndNotRetried) {
  const auto e = failure(request("/files/absent.bin"));
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
  EXPECT_NE(std::string(e.what()).find("HTTP 404"), std::string::npos) << e.what();
  EXPECT_EQ(server_.access_log().find("absent.bin", server_.access_log().find("absent.bin") + 1),
            std::string::npos);  // asked once
}

TEST_F(HttpDownloadTest, DeadServerGivesUpAfterItsRetries) {
  server_.stop();
  auto r = request("/files/model.bin");
  r.max_retries = 2;
  const auto e = failure(r);
  EXPECT_EQ(e.kind(), drs::ErrorKind::ModelMissing);
  EXPECT_NE(std::string(e.what()).find("retries"), std::string::npos) << e.what();
}

}  // namespace
