#include "plan/knowledge_store.h"

namespace kafkalint::plan {

std::unique_ptr<KnowledgeStore> KnowledgeStore::load(const knowledge::PackSource& packs,
                                                     core::Error* err) {
  auto s = std::make_unique<KnowledgeStore>();
  s->packs_ = packs;
  if (!(s->versions_ = knowledge::VersionCatalog::load(packs, err))) return nullptr;
  if (!(s->rules_ = knowledge::RuleCatalog::load(packs, err))) return nullptr;
  if (!(s->keys_ = knowledge::KeyFacts::load(packs, *s->rules_, err))) return nullptr;
  if (!(s->safety_ = knowledge::SafetyFacts::load(packs, *s->rules_, err))) return nullptr;
  return s;
}

const knowledge::ConfigCatalog* KnowledgeStore::configs(const knowledge::Release& r,
                                                        core::Error* err) {
  if (r.configs_pack.empty()) return nullptr;
  auto& slot = configs_[r.configs_pack];
  if (!slot) {
    auto c = knowledge::load_configs(packs_, r.configs_pack, err);
    if (!c) return nullptr;
    slot = std::make_unique<knowledge::ConfigCatalog>(std::move(*c));
  }
  return slot.get();
}

const knowledge::CliCatalog* KnowledgeStore::cli(const knowledge::Release& r, core::Error* err) {
  if (r.cli_pack.empty()) return nullptr;
  auto& slot = cli_[r.cli_pack];
  if (!slot) {
    auto c = knowledge::load_cli(packs_, r.cli_pack, err);
    if (!c) return nullptr;
    slot = std::make_unique<knowledge::CliCatalog>(std::move(*c));
  }
  return slot.get();
}

std::optional<PlanKnowledge> KnowledgeStore::for_pair(const knowledge::Release& from,
                                                      const knowledge::Release& to,
                                                      core::Error* err) {
  PlanKnowledge k;
  k.versions = &*versions_;
  k.rules = &*rules_;
  k.keys = &*keys_;
  k.safety = &*safety_;
  err->message.clear();
  k.from_configs = configs(from, err);
  k.to_configs = configs(to, err);
  k.from_cli = cli(from, err);
  k.to_cli = cli(to, err);
  if (!err->message.empty()) return std::nullopt;
  return k;
}

std::optional<checks::CheckKnowledge> KnowledgeStore::for_check(const knowledge::Release& release,
                                                                core::Error* err) {
  checks::CheckKnowledge k;
  k.versions = &*versions_;
  k.rules = &*rules_;
  k.keys = &*keys_;
  k.safety = &*safety_;
  k.to = &release;
  k.reference = &release;
  if (!(k.configs = configs(release, err))) return std::nullopt;
  return k;
}

}  // namespace kafkalint::plan
