#include "knowledge/store.h"

#include <functional>
#include <utility>

namespace kafkalint::knowledge {

namespace {

// The position of `r` among the lines of `v`: `r` is normally one of them; a release of
// another catalogue is matched by name.
std::optional<std::size_t> line_of(const VersionCatalog& v, const Release& r) {
  const std::vector<Release>& lines = v.lines();
  const std::less<const Release*> less;
  if (!lines.empty() && !less(&r, lines.data()) && less(&r, lines.data() + lines.size()))
    return static_cast<std::size_t>(&r - lines.data());
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].name == r.name) return i;
  return std::nullopt;
}

}  // namespace

template <typename T, typename Read>
Lookup<T> Store::once(Slot<T>& slot, Read&& read) {
  std::call_once(slot.once, [&] { slot.value = read(&slot.error); });
  return slot.value ? Lookup<T>::found(*slot.value) : Lookup<T>::failed(slot.error);
}

Store::Store(PackSource packs) : packs_(std::move(packs)) {}

Store::~Store() {
  if (preloader_.joinable()) preloader_.join();
}

Lookup<VersionCatalog> Store::versions() const {
  return once(versions_, [&](core::Error* err) {
    std::optional<VersionCatalog> v = VersionCatalog::load(packs_).take(err);
    if (v) {
      configs_ = std::make_unique<Slot<ConfigCatalog>[]>(v->lines().size());
      cli_ = std::make_unique<Slot<CliCatalog>[]>(v->lines().size());
    }
    return v;
  });
}

Lookup<RuleCatalog> Store::rules() const {
  return once(rules_, [&](core::Error* err) { return RuleCatalog::load(packs_).take(err); });
}

Lookup<RuleCatalog> Store::documented_rules() const {
  return once(documented_rules_, [&](core::Error* err) -> std::optional<RuleCatalog> {
    const Lookup<RuleCatalog> short_rules = rules();
    if (!short_rules) {
      *err = short_rules.error();
      return std::nullopt;
    }
    RuleCatalog documented = *short_rules;
    if (!documented.load_docs(packs_).take(err)) return std::nullopt;
    return documented;
  });
}

Lookup<KeyFacts> Store::keys() const {
  return once(keys_, [&](core::Error* err) -> std::optional<KeyFacts> {
    const Lookup<RuleCatalog> r = rules();
    if (!r) {
      *err = r.error();
      return std::nullopt;
    }
    return KeyFacts::load(packs_, *r).take(err);
  });
}

Lookup<FlagFacts> Store::flags() const {
  return once(flags_, [&](core::Error* err) -> std::optional<FlagFacts> {
    const Lookup<RuleCatalog> r = rules();
    if (!r) {
      *err = r.error();
      return std::nullopt;
    }
    return FlagFacts::load(packs_, *r).take(err);
  });
}

Lookup<SafetyFacts> Store::safety() const {
  return once(safety_, [&](core::Error* err) -> std::optional<SafetyFacts> {
    const Lookup<RuleCatalog> r = rules();
    if (!r) {
      *err = r.error();
      return std::nullopt;
    }
    return SafetyFacts::load(packs_, *r).take(err);
  });
}

Lookup<ConfigCatalog> Store::configs(const Release& r) const {
  const Lookup<VersionCatalog> v = versions();
  if (!v) return Lookup<ConfigCatalog>::failed(v.error());
  const std::optional<std::size_t> i = line_of(*v, r);
  if (!i || v->lines()[*i].configs_pack.empty()) return Lookup<ConfigCatalog>::none();
  return once(configs_[*i], [&](core::Error* err) {
    return load_configs(packs_, v->lines()[*i].configs_pack).take(err);
  });
}

Lookup<CliCatalog> Store::cli(const Release& r) const {
  const Lookup<VersionCatalog> v = versions();
  if (!v) return Lookup<CliCatalog>::failed(v.error());
  const std::optional<std::size_t> i = line_of(*v, r);
  if (!i || v->lines()[*i].cli_pack.empty()) return Lookup<CliCatalog>::none();
  return once(cli_[*i], [&](core::Error* err) {
    return load_cli(packs_, v->lines()[*i].cli_pack).take(err);
  });
}

const core::Error* Store::load(const std::vector<Part>& parts) const {
  auto error_of = [](const auto& lookup) { return lookup.failed() ? &lookup.error() : nullptr; };
  for (Part p : parts) {
    const core::Error* e = nullptr;
    switch (p) {
      case Part::kVersions:
        e = error_of(versions());
        break;
      case Part::kRules:
        e = error_of(rules());
        break;
      case Part::kRuleDocs:
        e = error_of(documented_rules());
        break;
      case Part::kKeys:
        e = error_of(keys());
        break;
      case Part::kFlags:
        e = error_of(flags());
        break;
      case Part::kSafety:
        e = error_of(safety());
        break;
    }
    if (e) return e;
  }
  return nullptr;
}

void Store::preload(std::vector<Part> parts) {
  if (preloader_.joinable()) preloader_.join();
  preloader_ = std::thread([this, parts = std::move(parts)] { (void)load(parts); });
}

const Release* newest_reference(const VersionCatalog& versions) {
  const Release* newest = nullptr;
  for (const Release& r : versions.lines())
    if (r.released && !r.configs_pack.empty()) newest = &r;
  return newest;
}

}  // namespace kafkalint::knowledge
