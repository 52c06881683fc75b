// The edits that fix command-line findings: renames, replacements, a ZooKeeper address
// swapped for a broker address.

#include "checks/scripts/command_checker.h"

namespace kafkalint::checks {

bool is_broker_address_list(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t e = s.find(',', i);
    if (e == std::string_view::npos) e = s.size();
    const std::string_view item = s.substr(i, e - i);
    const std::size_t colon = item.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == item.size()) return false;
    const std::string_view host = item.substr(0, colon), port = item.substr(colon + 1);
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoul(std::string(port)) == 0 || std::stoul(std::string(port)) > 65535)
      return false;
    if (host.front() == '[') {
      if (host.size() < 3 || host.back() != ']' ||
          host.substr(1, host.size() - 2).find_first_not_of("0123456789abcdefABCDEF:.") !=
              std::string_view::npos)
        return false;
    } else if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789.-_") != std::string_view::npos) {
      return false;
    }
    i = e + 1;
  }
  return true;
}

namespace cmd {

namespace {

bool needs_quotes(const std::string& v) {
  return v.find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:_-,") !=
         std::string::npos;
}

// The ways to write `v` as one word in place of an old one, best first. The first that reads
// back as exactly `v` in the fixed file is taken (CommandChecker::finish), so a candidate
// that would mean something else in some context is merely skipped there: a bare word holds
// no character any reader of a script, YAML, JSON, HTML or Markdown treats specially, single
// and double quotes suit shell text and YAML scalars, entities suit HTML, and doubled or
// escaped quotes suit shell text inside a quoted YAML or JSON string.
std::vector<std::string> encodings(const std::string& v, std::string_view open,
                                   std::string_view close, std::string_view old_raw) {
  std::vector<std::string> out;
  // A quoted old value whose text is not spelled literally ('"zk\u003a2181"' in a JSON exec
  // form): its quotes still say what the place takes (JSON takes nothing else).
  if (open.empty() && old_raw.size() >= 2 && old_raw.front() == old_raw.back() &&
      (old_raw.front() == '"' || old_raw.front() == '\''))
    out.push_back(old_raw.front() + v + old_raw.front());
  // The old value's own quotes ('"zk:2181"', '&quot;zk&quot;') keep whatever layering they had.
  const bool quoting = open.find_first_of("\"'") != std::string_view::npos ||
                       open.find("&quot;") != std::string_view::npos ||
                       open.find("&#") != std::string_view::npos;
  if (quoting) out.push_back(std::string(open) + v + std::string(close));
  // A bare word: no glob ('[::1]' matches files), redirection or quote character.
  if (!needs_quotes(v)) out.push_back(v);
  out.push_back("'" + v + "'");
  out.push_back("\"" + v + "\"");
  if (v.find_first_of("<>&") != std::string::npos) {
    std::string html;
    for (char c : v)
      html += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    out.push_back("'" + html + "'");
  }
  out.push_back("''" + v + "''");
  out.push_back("\\\"" + v + "\\\"");
  return out;
}

}  // namespace

void CommandChecker::rename_fix(core::Finding& fd, const Token& t, const std::string& written,
                                const std::string& to, bool safe, std::string title) {
  if (t.opaque && written.find_first_of("${`") != std::string::npos) return;
  const std::size_t at = name_offset(t, written);
  if (at == std::string::npos) return;
  em_.fix(fd, {{t.offset + at, t.offset + at + written.size(), to}}, std::move(title), safe);
}

// The fix of a removed or deprecated option: a plain rename when the value carries over,
// or the ZooKeeper address swapped for a broker address.
void CommandChecker::replacement_fix(core::Finding& fd, const Scope& s, const Token& t,
                                     const std::string& written, const std::string& name,
                                     const std::string& replacement) {
  if (replacement.empty() || !option_of(s, replacement)) return;
  const CliOption* old_opt = s.tool->find_option(name);
  const CliOption* new_opt = s.tool->find_option(replacement);
  if (name == "--zookeeper" && replacement == "--bootstrap-server") {
    zookeeper_fix(fd, t, written);
    return;
  }
  if (value_changes_meaning(name)) return;
  if (old_opt && new_opt && old_opt->arg != new_opt->arg) return;
  rename_fix(fd, t, written, replacement, true, "use " + quoted(replacement));
}

// '--zookeeper zk:2181' -> '--bootstrap-server ADDR'. The address comes from the user's
// settings (or is a placeholder, and the fix unsafe): it is checked as HOST:PORT[,...] and
// then written so that the fixed file reads back as exactly that one word (finish()).
void CommandChecker::zookeeper_fix(core::Finding& fd, const Token& t, const std::string& written) {
  if (bootstrap_ && !is_broker_address_list(*bootstrap_)) {
    fd.notes.push_back("no fix: the bootstrap server '" + *bootstrap_ +
                       "' is not HOST:PORT[,HOST:PORT...], so it is not pasted into the file");
    return;
  }
  const std::string addr = bootstrap_ ? *bootstrap_ : "<broker-host:9092>";
  AddressFix p;
  p.safe = bootstrap_.has_value();
  p.title = p.safe ? "use '--bootstrap-server " + addr + "'"
                   : "use '--bootstrap-server' (fill in a broker address)";
  const std::size_t at = name_offset(t, written);
  if (at == std::string::npos) return;
  const std::vector<Token>& a = c_->args;
  std::size_t ti = 0;
  while (ti < a.size() && &a[ti] != &t) ++ti;
  if (ti == a.size() || out_->empty() || &fd < out_->data() || &fd > &out_->back()) return;
  p.finding = static_cast<std::size_t>(&fd - out_->data());
  p.needs_quotes = needs_quotes(addr);
  p.command = static_cast<std::size_t>(c_ - f_.extracted.commands.data());
  for (const Token& arg : a) p.expected.push_back(arg.text);
  const std::size_t eq = t.text.find('=');
  if (eq != std::string::npos) {
    // '--zookeeper=zk:2181' in one word.
    if (t.opaque || t.raw != t.text) return;
    p.expected[ti] = "--bootstrap-server=" + addr;
    p.value_arg = ti;
    p.edits.push_back({t.offset, t.offset + t.raw.size(), ""});
    for (const std::string& e : encodings(addr, "", "", ""))
      p.encodings.push_back("--bootstrap-server=" + e);
  } else {
    const Token* value = ti + 1 < a.size() ? &a[ti + 1] : nullptr;
    if (!value || value->opaque) return;
    p.expected[ti] = t.text;
    const std::size_t name_at = p.expected[ti].find(written);
    if (name_at == std::string::npos) return;
    p.expected[ti].replace(name_at, written.size(), "--bootstrap-server");
    p.expected[ti + 1] = addr;
    p.value_arg = ti + 1;
    p.edits.push_back({t.offset + at, t.offset + at + written.size(), "--bootstrap-server"});
    // What surrounds the value's text in the file ('"', '\"', '&quot;'), when it is spelled
    // there literally.
    std::string_view open, close;
    const std::string_view raw = value->raw;
    const std::size_t pos = value->text.empty() ? std::string_view::npos : raw.find(value->text);
    if (pos != std::string_view::npos && raw.find(value->text, pos + 1) == std::string_view::npos) {
      open = raw.substr(0, pos);
      close = raw.substr(pos + value->text.size());
    }
    p.edits.push_back({value->offset, value->offset + value->raw.size(), ""});
    p.encodings = encodings(addr, open, close, raw);
  }
  pending_.push_back(std::move(p));
}

// Applies the given encoding of each fix (and those already accepted) to the file, reads it
// again the way it was read, and sets (*ok)[i] when fix i's command now has exactly the
// expected arguments. Nothing is accepted when anything else in the file reads differently.
bool CommandChecker::reads_back(const std::vector<const AddressFix*>& fixes,
                                const std::vector<std::size_t>& enc, std::vector<bool>* ok) const {
  std::vector<ScriptEmitter::Edit> edits;
  std::set<std::size_t> edited;
  const auto add = [&](const AddressFix& p, std::size_t e) {
    for (std::size_t i = 0; i < p.edits.size(); ++i)
      edits.push_back({p.edits[i].begin, p.edits[i].end,
                       i + 1 == p.edits.size() ? p.encodings[e] : p.edits[i].text});
    edited.insert(p.command);
  };
  for (const AddressFix& p : pending_)
    if (p.accepted != std::string::npos) add(p, p.accepted);
  for (std::size_t i = 0; i < fixes.size(); ++i) add(*fixes[i], enc[i]);
  std::sort(
      edits.begin(), edits.end(),
      [](const ScriptEmitter::Edit& x, const ScriptEmitter::Edit& y) { return x.begin < y.begin; });
  std::string text;
  std::size_t from = 0;
  for (const ScriptEmitter::Edit& e : edits) {
    if (e.begin < from) return false;  // overlapping edits: not two fixes of one word
    text.append(f_.content, from, e.begin - from);
    text += e.text;
    from = e.end;
  }
  text.append(f_.content, from, std::string::npos);
  const scripts::ExtractResult r = scripts::extract(f_.path, text, f_.kind, s_.extract);
  const std::vector<CommandLine>& before = f_.extracted.commands;
  if (r.commands.size() != before.size() || r.warnings.size() > f_.extracted.warnings.size())
    return false;
  const auto texts = [](const CommandLine& c) {
    std::vector<std::string> v;
    for (const Token& t : c.args) v.push_back(t.text);
    return v;
  };
  for (std::size_t i = 0; i < before.size(); ++i)
    if (!edited.count(i) &&
        (r.commands[i].tool != before[i].tool || texts(r.commands[i]) != texts(before[i])))
      return false;
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    const CommandLine& c = r.commands[fixes[i]->command];
    bool same = c.tool == before[fixes[i]->command].tool && texts(c) == fixes[i]->expected;
    const std::vector<Token>& old_args = before[fixes[i]->command].args;
    for (std::size_t a = 0; same && a < c.args.size(); ++a)
      same = a == fixes[i]->value_arg ? !c.args[a].opaque : c.args[a].opaque == old_args[a].opaque;
    // "sh -c 'kafka-topics.sh --zookeeper zk'": the candidate "'[::1]:9092'" closes and reopens
    // the outer quotes, and the inner shell would glob the bare word: the word it reads must
    // be spelled exactly as the candidate, quotes and all.
    if (same && fixes[i]->needs_quotes)
      same = c.args[fixes[i]->value_arg].raw == fixes[i]->encodings[enc[i]];
    (*ok)[i] = same;
  }
  return true;
}

// Every pending fix tries its encodings in order, all fixes of the file at once (one reading
// of the file per round, so a file with many such commands costs a few readings, not one per
// command); a fix whose round went wrong because of another's encoding is then tried alone.
void CommandChecker::finish() {
  if (pending_.empty()) return;
  std::size_t rounds = 0;
  for (const AddressFix& p : pending_) rounds = std::max(rounds, p.encodings.size());
  for (std::size_t round = 0; round < rounds; ++round) {
    std::vector<const AddressFix*> fixes;
    std::vector<std::size_t> enc;
    for (const AddressFix& p : pending_)
      if (p.accepted == std::string::npos && round < p.encodings.size()) {
        fixes.push_back(&p);
        enc.push_back(round);
      }
    if (fixes.empty()) break;
    std::vector<bool> ok(fixes.size(), false);
    if (!reads_back(fixes, enc, &ok)) continue;
    for (std::size_t i = 0; i < fixes.size(); ++i)
      if (ok[i]) const_cast<AddressFix*>(fixes[i])->accepted = round;
  }
  // Alone, for a few: readings of the whole file per fix must stay bounded.
  std::size_t budget = 16;
  for (AddressFix& p : pending_) {
    if (p.accepted != std::string::npos || budget == 0) continue;
    --budget;
    for (std::size_t e = 0; e < p.encodings.size() && p.accepted == std::string::npos; ++e) {
      std::vector<bool> ok(1, false);
      if (reads_back({&p}, {e}, &ok) && ok[0]) p.accepted = e;
    }
  }
  for (AddressFix& p : pending_) {
    core::Finding& fd = (*out_)[p.finding];
    if (p.accepted == std::string::npos) {
      fd.notes.push_back(std::string("no fix: the address cannot be written into this ") +
                         scripts::kind_name(f_.kind) +
                         " file so that it reads back as one word; edit it by hand");
      continue;
    }
    p.edits.back().text = p.encodings[p.accepted];
    em_.fix(fd, std::move(p.edits), std::move(p.title), p.safe);
  }
  pending_.clear();
}

}  // namespace cmd

}  // namespace kafkalint::checks
