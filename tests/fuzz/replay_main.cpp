// Driver for fuzz targets when libFuzzer is not available (gcc builds, CI): runs every
// corpus file, then `--mutations N` deterministic mutations of each (bit flips,
// truncation, byte insertion/deletion, splices), so crashes and hangs on malformed
// input surface in the ordinary test run. Exit code 0 means no input crashed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

Bytes mutate(Bytes input, std::mt19937_64& rng, const std::vector<Bytes>& corpus) {
  const auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    switch (rng() % 6) {
      case 0:  // flip a bit
        if (!input.empty())
          input[pick(input.size())] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        break;
      case 1:  // truncate
        input.resize(pick(input.size() + 1));
        break;
      case 2:  // insert a random or interesting byte
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(pick(input.size() + 1)),
                     static_cast<std::uint8_t>(
                         rng() % 2 ? rng() : std::string("[]:.\n\0\xff{}\"")[rng() % 11]));
        break;
      case 3:  // delete a range
        if (!input.empty()) {
          const auto at = pick(input.size());
          const auto len = std::min(input.size() - at, 1 + pick(16));
          input.erase(input.begin() + static_cast<std::ptrdiff_t>(at),
                      input.begin() + static_cast<std::ptrdiff_t>(at + len));
        }
        break;
      case 4:  // overwrite 8 bytes with an extreme integer
        if (input.size() >= 8) {
          const auto at = pick(input.size() - 7);
          const std::uint64_t value = rng() % 2 ? ~0ull : (1ull << (rng() % 64));
          for (int i = 0; i < 8; ++i) input[at + i] = static_cast<std::uint8_t>(value >> (8 * i));
        }
        break;
      default:  // splice with another corpus entry
        if (!corpus.empty()) {
          const auto& other = corpus[pick(corpus.size())];
          const auto cut = pick(input.size() + 1);
          input.resize(cut);
          input.insert(input.end(),
                       other.begin() + static_cast<std::ptrdiff_t>(pick(other.size() + 1)),
                       other.end());
        }
        break;
    }
  }
  return input;
}

}  // namespace

int main(int argc, char** argv) {
  int mutations = 0;
  std::vector<Bytes> corpus;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc) {
      mutations = std::stoi(argv[++i]);
      continue;
    }
    const std::filesystem::path path(arg);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path))
        if (entry.is_regular_file()) corpus.push_back(read_file(entry.path()));
    } else if (std::filesystem::is_regular_file(path)) {
      corpus.push_back(read_file(path));
    }
  }
  corpus.push_back({});  // the empty input is always worth a try
  std::mt19937_64 rng(0x5eed);
  std::size_t runs = 0;
  for (const auto& input : corpus) {
    LLVMFuzzerTestOneInput(input.data(), input.size());
    ++runs;
    for (int m = 0; m < mutations; ++m, ++runs) {
      const Bytes mutated = mutate(input, rng, corpus);
      LLVMFuzzerTestOneInput(mutated.data(), mutated.size());
    }
  }
  std::printf("fuzz replay: %zu inputs from %zu corpus files, no crash\n", runs, corpus.size() - 1);
  return 0;
}
