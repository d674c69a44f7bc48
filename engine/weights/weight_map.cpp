#include "weights/weight_map.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <sstream>

#include "drs/error.h"
#include "weights/safetensors.h"

namespace drs {
namespace {

std::string shape_string(at::IntArrayRef shape) {
  std::ostringstream out;
  out << '[';
  for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
  out << ']';
  return out.str();
}

// Drops the whole pages of a mapped tensor from this process's resident memory: a
// converted copy now serves the model, and loading the real DiT (fp16 file -> fp32)
// otherwise peaks at the file's 2.2 GB on top of the 4.4 GB of weights. The mapping
// is private and never written, so a later read faults the same bytes back in.
void release_pages(const at::Tensor& mapped) {
  if (!mapped.is_cpu() || mapped.nbytes() == 0) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(mapped.data_ptr());
  const auto first = (begin + page - 1) / page * page;
  const auto last = (begin + mapped.nbytes()) / page * page;
  if (last > first)
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);  // best effort
}

}  // namespace

WeightMap::WeightMap(std::map<std::string, at::Tensor> tensors, std::string source,
                     bool file_backed)
    : tensors_(std::move(tensors)), source_(std::move(source)), file_backed_(file_backed) {}

at::Tensor WeightMap::take(const std::string& name, at::IntArrayRef shape,
                           const at::TensorOptions& options) {
  const auto it = tensors_.find(name);
  if (it == tensors_.end())
    throw Error(ErrorKind::ModelCorrupt, source_ + ": missing tensor '" + name +
                                             "' (expected shape " + shape_string(shape) + ")");
  if (it->second.sizes() != shape)
    throw Error(ErrorKind::ModelCorrupt, source_ + ": tensor '" + name + "' has shape " +
                                             shape_string(it->second.sizes()) + ", expected " +
                                             shape_string(shape));
  if (!at::isFloatingType(it->second.scalar_type()) && options.has_dtype() &&
      at::isFloatingType(c10::typeMetaToScalarType(options.dtype())))
    throw Error(ErrorKind::ModelCorrupt, source_ + ": tensor '" + name +
                                             "' has non-floating dtype " +
                                             std::string(c10::toString(it->second.scalar_type())));
  taken_.insert(name);
  auto bound = it->second.to(options);
  if (!file_backed_) return bound;
  // A bound weight never aliases the mapping: the file may be replaced while the app
  // runs (a model update), and an unconverted view would keep its pages resident twice.
  if (bound.is_alias_of(it->second)) bound = bound.clone();
  release_pages(it->second);
  return bound;
}

bool WeightMap::has(const std::string& name) const {
  return tensors_.count(name) != 0;
}

at::ScalarType WeightMap::stored_dtype(const std::string& name) const {
  const auto it = tensors_.find(name);
  if (it == tensors_.end())
    throw Error(ErrorKind::ModelCorrupt, source_ + ": missing tensor '" + name + "'");
  return it->second.scalar_type();
}

void WeightMap::finish() const {
  std::string unexpected;
  int count = 0;
  for (const auto& entry : tensors_) {
    if (taken_.count(entry.first)) continue;
    if (count++ < 8) unexpected += (unexpected.empty() ? "'" : ", '") + entry.first + "'";
  }
  if (count == 0) return;
  if (count > 8) unexpected += " and " + std::to_string(count - 8) + " more";
  throw Error(ErrorKind::ModelCorrupt,
              source_ + ": unexpected tensor" + (count > 1 ? "s " : " ") + unexpected);
}

std::vector<std::string> WeightMap::unused() const {
  std::vector<std::string> names;
  for (const auto& entry : tensors_)
    if (!taken_.count(entry.first)) names.push_back(entry.first);
  return names;
}

WeightMap load_weight_map(const std::filesystem::path& path) {
  const auto file = SafetensorsFile::open(path);
  std::map<std::string, at::Tensor> tensors;
  for (const auto& name : file.names()) tensors.emplace(name, file.tensor(name));
  return WeightMap(std::move(tensors), path.string(), /*file_backed=*/true);
}

}  // namespace drs
