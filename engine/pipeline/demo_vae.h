// The demo VAE: a tiny TorchScript module with the official interface
// (decode_export / encode_export, hop 2048), built from C++ with deterministic random
// weights. It turns latents into bounded noise, which is all a demo can honestly do.
#pragma once

#include <cstdint>
#include <filesystem>

namespace drs {

void write_demo_vae(const std::filesystem::path& path, std::uint64_t seed);

}  // namespace drs
