#include "checks/check_knowledge.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "checks/cli_history.h"
#include "checks/script_checks.h"

namespace kafkalint::checks {

namespace {

// The command-line knowledge, loaded by the first worker that meets a script: the flag facts
// and the packs of --to, --from and the newest line, so that a broken pack is an error before
// any finding. Other lines load when a finding needs their history.
class ScriptLoader {
 public:
  ScriptLoader(const knowledge::Store& store, const knowledge::Release* to,
               const knowledge::Release* from)
      : store_(store), to_(to), from_(from) {}

  const ScriptKnowledge* get(core::Error* err) {
    std::call_once(once_, [&] { ok_ = load(); });
    if (ok_) return &scripts_;
    *err = error_;
    return nullptr;
  }

 private:
  bool load() {
    const knowledge::Lookup<knowledge::FlagFacts> flags = store_.flags();
    if (!flags) return fail(flags.error());
    cli_.emplace(store_, *store_.versions());
    for (const knowledge::Release* r : {to_, from_, cli_->newest()}) {
      if (!r) continue;
      if (const auto c = store_.cli(*r); c.failed()) return fail(c.error());
    }
    scripts_.flags = flags.get();
    scripts_.cli = &*cli_;
    scripts_.extract = extract_options(*flags);
    return true;
  }
  bool fail(const core::Error& e) {
    error_ = e;
    return false;
  }

  const knowledge::Store& store_;
  const knowledge::Release* to_;
  const knowledge::Release* from_;
  std::once_flag once_;
  bool ok_ = false;
  core::Error error_;
  std::optional<CliHistory> cli_;
  ScriptKnowledge scripts_;
};

// The configuration reference of `r`; nullptr and *err when it has none or it is broken.
const knowledge::ConfigCatalog* reference_of(const knowledge::Store& store,
                                             const knowledge::Release& r, core::Error* err) {
  const knowledge::Lookup<knowledge::ConfigCatalog> c = store.configs(r);
  if (c.failed()) {
    *err = c.error();
  } else if (!c) {
    *err = core::Error{};
    err->message = "kafkalint has no configuration reference for Kafka " + r.name +
                   " (the generated references start at 0.9)";
  }
  return c.get();
}

// The knowledge of the releases carriers name, loaded the first time one names it.
class ReleaseKnowledge {
 public:
  ReleaseKnowledge(const knowledge::Store& store, const knowledge::VersionCatalog& versions,
                   const knowledge::Release* from)
      : store_(store), versions_(versions), from_(from) {}

  const CheckKnowledge* get(std::string_view name) {
    const knowledge::Release* r = versions_.find_line(name);
    if (!r || (from_ && r->version < from_->version)) return nullptr;
    const std::lock_guard<std::mutex> lock(mu_);
    auto it = loaded_.find(r->name);
    if (it == loaded_.end()) {
      core::Error err;
      std::optional<CheckKnowledge> k = load_check_knowledge(store_, r, from_).take(&err);
      // A release without a reference (or a broken pack) leaves the run's own knowledge.
      it = loaded_.emplace(r->name, k ? std::make_unique<CheckKnowledge>(std::move(*k)) : nullptr)
               .first;
    }
    return it->second.get();
  }

 private:
  const knowledge::Store& store_;
  const knowledge::VersionCatalog& versions_;
  const knowledge::Release* from_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<CheckKnowledge>> loaded_;
};

}  // namespace

core::Result<CheckKnowledge> load_check_knowledge(const knowledge::Store& store,
                                                  const knowledge::Release* to,
                                                  const knowledge::Release* from) {
  return core::capture<CheckKnowledge>([&](core::Error* err) -> std::optional<CheckKnowledge> {
    const knowledge::Lookup<knowledge::VersionCatalog> versions = store.versions();
    if (!versions) {
      *err = versions.error();
      return std::nullopt;
    }
    CheckKnowledge k;
    k.versions = versions.get();
    k.to = to;
    k.from = from;
    // Without --to the newest released line is the reference for key names and types, and
    // only findings that hold for every release are reported.
    k.reference = to ? to : knowledge::newest_reference(*versions);
    if (!k.reference) {
      *err = core::Error{};
      err->message = "no released Kafka line has a configuration reference";
      return std::nullopt;
    }
    if (!(k.configs = reference_of(store, *k.reference, err))) return std::nullopt;
    if (from && !(k.from_configs = reference_of(store, *from, err))) return std::nullopt;
    using Part = knowledge::Store::Part;
    if (const core::Error* e = store.load({Part::kRules, Part::kKeys, Part::kSafety})) {
      *err = *e;
      return std::nullopt;
    }
    k.rules = store.rules().get();
    k.keys = store.keys().get();
    k.safety = store.safety().get();
    if (to) {
      const knowledge::VersionCatalog* vc = versions.get();
      // The later releases' catalogs, read once on the first unknown key: the lookup runs for
      // every unknown key, and a file can have 160,000 of them.
      struct Later {
        std::once_flag once;
        std::vector<std::pair<const knowledge::Release*, const knowledge::ConfigCatalog*>> catalogs;
      };
      auto later = std::make_shared<Later>();
      k.added_in = [&store, vc, to, later](knowledge::Scope scope,
                                           std::string_view key) -> const knowledge::Release* {
        std::call_once(later->once, [&] {
          bool after = false;
          for (const knowledge::Release& r : vc->lines()) {
            if (&r == to || r.name == to->name) {
              after = true;
              continue;
            }
            if (!after || r.version <= to->version) continue;
            if (const knowledge::Lookup<knowledge::ConfigCatalog> c = store.configs(r))
              later->catalogs.emplace_back(&r, c.get());
          }
        });
        for (const auto& [r, c] : later->catalogs)
          if (c->find(scope, key)) return r;
        return nullptr;
      };
    }
    if (!to) {
      auto releases = std::make_shared<ReleaseKnowledge>(store, *versions.get(), from);
      k.for_release = [releases](std::string_view name) { return releases->get(name); };
    }
    auto loader = std::make_shared<ScriptLoader>(store, to, from);
    k.scripts = [loader](core::Error* e) { return loader->get(e); };
    return k;
  });
}

}  // namespace kafkalint::checks
