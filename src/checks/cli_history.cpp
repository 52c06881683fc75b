#include "checks/cli_history.h"

namespace kafkalint::checks {

CliHistory::CliHistory(const knowledge::PackSource& packs,
                       const knowledge::VersionCatalog& versions)
    : packs_(packs) {
  for (const knowledge::Release& r : versions.lines())
    if (!r.cli_pack.empty()) lines_.push_back(&r);
  owned_.resize(lines_.size());
  failed_.assign(lines_.size(), false);
  ready_ = std::make_unique<std::atomic<const knowledge::CliCatalog*>[]>(lines_.size());
  for (std::size_t i = 0; i < lines_.size(); ++i) ready_[i].store(nullptr);
}

std::size_t CliHistory::index_of(const knowledge::Release& release) const {
  for (std::size_t i = 0; i < lines_.size(); ++i)
    if (lines_[i] == &release || lines_[i]->name == release.name) return i;
  return lines_.size();
}

const knowledge::CliCatalog* CliHistory::at(const knowledge::Release& release) const {
  const std::size_t i = index_of(release);
  if (i == lines_.size()) return nullptr;
  if (const knowledge::CliCatalog* c = ready_[i].load(std::memory_order_acquire)) return c;
  core::Error err;
  return preload(release, &err) ? ready_[i].load(std::memory_order_acquire) : nullptr;
}

bool CliHistory::preload(const knowledge::Release& release, core::Error* err) const {
  const std::size_t i = index_of(release);
  if (i == lines_.size()) {
    err->message = "no command-line pack for Kafka " + release.name;
    return false;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (ready_[i].load(std::memory_order_acquire)) return true;
  if (failed_[i]) {
    err->message = "the command-line pack for Kafka " + release.name + " cannot be read";
    return false;
  }
  auto cat = knowledge::load_cli(packs_, lines_[i]->cli_pack, err);
  if (!cat) {
    failed_[i] = true;
    errors_.push_back(*err);
    return false;
  }
  owned_[i] = std::make_unique<knowledge::CliCatalog>(std::move(*cat));
  ready_[i].store(owned_[i].get(), std::memory_order_release);
  return true;
}

std::vector<core::Error> CliHistory::load_errors() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

}  // namespace kafkalint::checks
