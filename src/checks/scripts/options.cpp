// KL701-KL705, KL708, KL709, KL711, KL716: the options of a command line, per parser
// (joptsimple, argparse4j, shell) and sub-command, and their values.

#include "checks/scripts/command_checker.h"

namespace kafkalint::checks::cmd {

// Options the parser accepts at this point: the whole tool, or a sub-command's own options
// plus the top-level ones when the pack records them per sub-command.
// `layout`: the tool whose per-sub-command records `sub` comes from (the target's own, or a
// later release's for a 3.x target: then only options the target has count).
CommandChecker::Scope CommandChecker::scope_for(const CliTool& tool,
                                                const knowledge::CliSubcommand* sub,
                                                const CliTool* layout) const {
  Scope s;
  s.tool = &tool;
  s.jopt = tool.uses_parser("joptsimple");
  s.argp = tool.uses_parser("argparse4j");
  s.abbrev = s.argp || (s.jopt && tool.abbreviations);
  if (sub) {
    if (!layout) layout = &tool;
    s.names = names_of(sub->options);
    if (const knowledge::CliSubcommand* top = layout->subcommand(""))
      for (const CliOption& o : top->options) s.names.push_back(o.name);
    // argparse4j gives every sub-command parser its own -h/--help.
    for (const char* help : {"-h", "--help"})
      if (s.argp && tool.find_option(help)) s.names.push_back(help);
    if (layout != &tool)
      s.names.erase(std::remove_if(s.names.begin(), s.names.end(),
                                   [&](const std::string& n) { return !tool.find_option(n); }),
                    s.names.end());
    std::sort(s.names.begin(), s.names.end());
  } else {
    s.names = names_of(tool.options);
  }
  if (!target_) {
    // Release-independent: everything any release of the tool accepted.
    const Release* newest = s_.cli->newest();
    if (const CliCatalog* n = newest ? s_.cli->at(*newest) : nullptr)
      for (const knowledge::RemovedOption& r : n->removed_options())
        if (r.script == tool.script) s.names.push_back(r.option);
    std::sort(s.names.begin(), s.names.end());
    s.names.erase(std::unique(s.names.begin(), s.names.end()), s.names.end());
  }
  return s;
}

const CliOption* CommandChecker::option_of(const Scope& s, std::string_view name) const {
  if (!std::binary_search(s.names.begin(), s.names.end(), name)) return nullptr;
  if (const CliOption* o = s.tool->find_option(name)) return o;
  static const CliOption kUnknownArity{"", CliOption::Arg::kOptional, false, ""};
  return &kUnknownArity;  // an option of an earlier release: arity not known here
}

std::vector<std::string> CommandChecker::prefixed(const Scope& s, std::string_view prefix) const {
  std::vector<std::string> out;
  for (const std::string& n : s.names)
    if (starts_with(n, "--") && starts_with(n, prefix) && n != prefix) out.push_back(n);
  return out;
}

// A token the tool would read as one of its options (for "missing argument").
bool CommandChecker::is_option_token(const Scope& s, const Token& t) const {
  if (t.opaque || !starts_with(t.text, "-") || is_number(t.text)) return false;
  std::string_view name = t.text;
  if (const std::size_t eq = name.find('=');
      eq != std::string_view::npos && starts_with(name, "--"))
    name = name.substr(0, eq);
  if (option_of(s, name)) return true;
  if (s.jopt && !starts_with(name, "--") && option_of(s, "-" + std::string(name))) return true;
  return false;
}

void CommandChecker::check_args(const CliTool& tool) {
  const std::vector<Token>& a = c_->args;
  const bool shell = tool.uses_parser("shell");
  Scope scope = scope_for(tool, nullptr);
  subcommand_.clear();
  sub_name_.clear();
  sub_word_ = 0;
  const bool parsed = scope.jopt || scope.argp;
  bool sub_seen = false;
  bool positional_seen = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Token& t = a[i];
    if (t.text == "--" && !t.opaque) break;
    if (!starts_with(t.text, "-") || t.text == "-" || is_number(t.text)) {
      positional_seen = true;
      if (!t.opaque && scope.argp && !sub_seen && !tool.subcommands.empty()) {
        sub_seen = true;
        std::vector<std::string> hits;
        for (const std::string& sc : tool.subcommands)
          if (sc == t.text) hits = {sc};
        if (hits.empty())
          for (const std::string& sc : tool.subcommands)
            if (starts_with(sc, t.text)) hits.push_back(sc);
        if (hits.size() == 1) {
          sub_name_ = hits[0];
          sub_word_ = i;
        }
        // Sub-command options are recorded per release by the 4.x packs; a 3.x target
        // borrows the layout of the oldest pack that has it (subcommand_layout). Without a
        // target every option of the tool passes.
        const CliTool* layout = target_ ? subcommand_layout(tool) : nullptr;
        if (hits.size() == 1)
          if (const knowledge::CliSubcommand* sc = layout ? layout->subcommand(hits[0]) : nullptr) {
            scope = scope_for(tool, sc, layout);
            subcommand_ = hits[0];
          }
      }
      continue;
    }
    // An option whose name is only known at run time ('--$OPT', '$OPTS') can be anything.
    std::string written = t.text;
    std::string inline_value;
    bool has_inline = false;
    if (const std::size_t eq = written.find('=');
        eq != std::string::npos && starts_with(written, "--")) {
      inline_value = written.substr(eq + 1);
      written.resize(eq);
      has_inline = true;
    }
    if (t.opaque &&
        (written.find('$') != std::string::npos || written.find('{') != std::string::npos ||
         written.find('`') != std::string::npos || !has_inline))
      continue;
    if (shell && is_shell_flag(written) && option_of(scope, written)) {
      // kafka-run-class.sh reads its flags up to the class name; the other wrappers
      // look at their first argument only.
      const bool place_ok = tool.script == "kafka-run-class.sh" ? !positional_seen : i == 0;
      const CliOption* flag = tool.find_option(written);
      if (flag && flag->arg == CliOption::Arg::kRequired) ++i;
      if (!place_ok && !run_class()) {
        em_.at(t, RuleId::KL708,
               quoted(written) + " is read by " + tool.script +
                   (tool.script == "kafka-run-class.sh" ? " only before the class name"
                                                        : " only as its first argument"),
               written);
      }
      continue;
    }
    if (!parsed) continue;  // positional, manual or external parsers: options are not modelled
    const CliOption* opt = nullptr;
    if (const std::size_t words = split_option(scope, i, written, has_inline)) {
      opt = option_of(scope, resolved_);
      written = resolved_;
      i += words;
    } else {
      opt = resolve(scope, t, written, has_inline);
      if (opt && !sub_name_.empty()) top_option_after_subcommand(tool, i, *opt, has_inline);
    }
    if (!opt) continue;
    if (opt->arg == CliOption::Arg::kRequired && !has_inline) {
      if (i + 1 >= a.size() || is_option_token(scope, a[i + 1])) {
        em_.at(t, RuleId::KL709,
               quoted(written) + " needs an argument" +
                   (i + 1 >= a.size() ? " and ends the command"
                                      : "; " + quoted(a[i + 1].text) + " is an option"),
               written);
      } else {
        value_checks(opt, a[i + 1], a[i + 1].text);
        ++i;
      }
    } else if (opt->arg == CliOption::Arg::kOptional && !has_inline) {
      if (i + 1 < a.size() && (a[i + 1].opaque || !starts_with(a[i + 1].text, "-"))) ++i;
    } else if (has_inline) {
      value_checks(opt, t, inline_value);
    }
  }
}

// '--replication factor 3': an option name split by a space. The parser reads '--replication'
// (unknown, or an abbreviation taking 'factor' as its value), so the fix must join the words;
// renaming only the first would leave 'factor' as the value. Returns how many following words
// belong to the name (0 when the words do not join into an option of the tool).
std::size_t CommandChecker::split_option(const Scope& s, std::size_t i, const std::string& written,
                                         bool has_inline) {
  const std::vector<Token>& a = c_->args;
  const Token& t = a[i];
  if (has_inline || written.size() < 3 || written[0] != '-' || option_of(s, written)) return 0;
  // '-replication factor' too: joptsimple reads '-name' as '--name'.
  std::string name = starts_with(written, "--") ? written : "-" + written;
  for (std::size_t words = 1; words <= 2 && i + words < a.size(); ++words) {
    const Token& w = a[i + words];
    const bool part = !w.opaque && !w.text.empty() && w.raw == w.text &&
                      std::all_of(w.text.begin(), w.text.end(), [](char ch) {
                        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
                      });
    if (!part) return 0;
    name += "-" + w.text;
    std::string joined = name;
    const CliOption* o = option_of(s, joined);
    if (!o) {
      // A typo as well ('--replicaton factor'): the only close option that ends in the word.
      const std::vector<std::string> close = suggest_option(name, s.names);
      if (close.size() == 1 && close[0].size() > w.text.size() &&
          close[0].compare(close[0].size() - w.text.size() - 1, std::string::npos, "-" + w.text) ==
              0) {
        joined = close[0];
        o = option_of(s, joined);
      }
    }
    if (!o) continue;
    report_split(s, t, a[i + words], written, joined, *o, i + words + 1, joined != name);
    resolved_ = joined;
    return words;
  }
  return 0;
}

// The tool's argparse4j layout (top-level and per-sub-command options): from the target's
// pack, else from the oldest later release that records it (3.x packs do not; the parsers
// kept their top-level options at the top since the tools moved to argparse4j).
const CliTool* CommandChecker::subcommand_layout(const CliTool& tool) const {
  if (!tool.subcommand_options.empty()) return &tool;
  for (const Release* r : s_.cli->lines()) {
    if (k_.to && r->version <= k_.to->version) continue;
    const CliCatalog* c = s_.cli->at(*r);
    const CliTool* t = c ? c->find(tool.script) : nullptr;
    if (t && !t->subcommand_options.empty()) return t;
  }
  return nullptr;
}

// KL716: 'kafka-metadata-quorum.sh describe --status --bootstrap-server X'. argparse4j hands
// every word after the sub-command to that sub-command's parser, which has none of the
// top-level options: the run fails with "unrecognized arguments".
void CommandChecker::top_option_after_subcommand(const CliTool& tool, std::size_t i,
                                                 const CliOption& o, bool has_inline) {
  const std::string& name = resolved_;
  // Only the connection options: the packs' top-level records are right for them (checked
  // against kafka-features, kafka-metadata-quorum and kafka-transactions sources, 3.3-4.0),
  // but list connect-plugin-path's per-sub-command --plugin-path/--worker-config as
  // top-level too, where moving them before the sub-command would break the command.
  if (name != "--bootstrap-server" && name != "--bootstrap-controller" &&
      name != "--command-config")
    return;
  const CliTool* layout = subcommand_layout(tool);
  const knowledge::CliSubcommand* top = layout ? layout->subcommand("") : nullptr;
  const knowledge::CliSubcommand* sub = layout ? layout->subcommand(sub_name_) : nullptr;
  auto has = [&](const knowledge::CliSubcommand* sc) {
    return std::any_of(sc->options.begin(), sc->options.end(),
                       [&](const CliOption& x) { return x.name == name; });
  };
  if (!top || !sub || !has(top) || has(sub)) return;
  const std::vector<Token>& a = c_->args;
  const Token& sub_token = a[sub_word_];
  core::Finding& fd =
      em_.at(a[i], RuleId::KL716,
             quoted(name) + " is an option of " + tool.script + " itself, not of its " +
                 "sub-command " + quoted(sub_name_) + ": after " + quoted(sub_token.text) +
                 " the sub-command's parser rejects it",
             name);
  fd.suggestion = "put it before " + quoted(sub_token.text);
  // The move: the option (and its value) cut from here, pasted before the sub-command.
  const bool value = o.arg == CliOption::Arg::kRequired && !has_inline && i + 1 < a.size();
  const Token& last = value ? a[i + 1] : a[i];
  const Token& prev = a[i - 1];
  if (!blank_gap(prev.offset + prev.raw.size(), a[i].offset) ||
      (value && !blank_gap(a[i].offset + a[i].raw.size(), last.offset)))
    return;
  std::string moved = a[i].raw + (value ? " " + last.raw : "") + " ";
  em_.fix(fd,
          {{sub_token.offset, sub_token.offset, std::move(moved)},
           {prev.offset + prev.raw.size(), last.offset + last.raw.size(), ""}},
          "move " + quoted(name) + " before " + quoted(sub_token.text), true);
}

bool CommandChecker::blank_gap(std::size_t from, std::size_t to) const {
  const std::string& c = f_.content;
  for (std::size_t p = from; p < to && p < c.size(); ++p) {
    if (c[p] == ' ' || c[p] == '\t') continue;
    if (c[p] == '\\' && p + 1 < to && c[p + 1] == '\n') {
      ++p;
      continue;
    }
    if (c[p] == '\\' && p + 2 < to && c[p + 1] == '\r' && c[p + 2] == '\n') {
      p += 2;
      continue;
    }
    return false;
  }
  return true;
}

void CommandChecker::report_split(const Scope& s, const Token& first, const Token& last,
                                  const std::string& written, const std::string& name,
                                  const CliOption& o, std::size_t next, bool typo) {
  const std::vector<Token>& a = c_->args;
  std::string where = s.tool->script;
  if (target_) where += " " + k_.to->name;
  core::Finding& fd = em_.at(first, RuleId::KL701,
                             quoted(written) + " is not an option of " + where + ": a space" +
                                 (typo ? " and a typo split " : " splits ") + quoted(name),
                             written);
  fd.suggestion = "join the words";
  // Safe when the joined option reads exactly the words that follow as its value.
  const bool value_follows = next < a.size() && !a[next].text.empty() &&
                             (a[next].opaque || a[next].text[0] != '-' || is_number(a[next].text));
  const bool safe = o.arg == CliOption::Arg::kRequired ? value_follows
                    : o.arg == CliOption::Arg::kNone   ? !value_follows
                                                       : false;
  // Only a name written bare and words apart by blanks or a line continuation: inside quotes
  // or a list ('- --replication', '- factor') the joined span would cut the syntax around it.
  if (first.raw != first.text) return;
  for (const Token* w = &first; w != &last; ++w)
    if (!blank_gap(w->offset + w->raw.size(), (w + 1)->offset)) return;
  em_.fix(fd, {{first.offset, last.offset + last.raw.size(), name}}, "join into " + quoted(name),
          safe);
}

// The option the parser reads `written` as, after reporting what is wrong with it;
// nullptr when it is not an option of this tool (then the rest of the command is still read).
const CliOption* CommandChecker::resolve(const Scope& s, const Token& t, const std::string& written,
                                         bool has_inline) {
  resolved_ = written;
  if (const CliOption* o = option_of(s, written)) {
    after_resolve(s, t, written, *o, has_inline);
    return o;
  }
  const bool single = !starts_with(written, "--");
  const std::string long_name = single ? "-" + written : written;
  if (single) {
    if (s.argp) {
      if (option_of(s, long_name)) {
        core::Finding& fd = em_.at(t, RuleId::KL708,
                                   quoted(written) + ": " + s.tool->script +
                                       " (argparse4j) does not accept single-dash long options",
                                   written);
        fd.suggestion = "use " + quoted(long_name);
        rename_fix(fd, t, written, long_name, true, "spell it " + quoted(long_name));
        return s.tool->find_option(long_name);
      }
      // '-cVALUE': a short option with its value attached.
      if (written.size() > 2 && option_of(s, written.substr(0, 2))) return nullptr;
    }
    if (s.jopt) {
      // joptsimple reads '-name' as '--name' when 'name' is a long option.
      if (const CliOption* o = option_of(s, long_name)) {
        resolved_ = long_name;
        after_resolve(s, t, written, *o, has_inline);
        return o;
      }
    }
  }
  // Without a target any prefix passes: some releases' parsers accepted abbreviations.
  if ((s.abbrev || !target_) && !single) {
    const std::vector<std::string> hits = prefixed(s, written);
    if (!hits.empty() && !target_) return nullptr;
    if (hits.size() == 1) {
      resolved_ = hits[0];
      const CliOption* o = option_of(s, hits[0]);
      after_resolve(s, t, written, *o, has_inline);
      return o;
    }
    if (hits.size() > 1 && target_) {
      em_.at(t, RuleId::KL701,
             quoted(written) + " is ambiguous for " + s.tool->script + " in Kafka " + k_.to->name +
                 ": it abbreviates " + join_quoted(hits, 4),
             written);
      return nullptr;
    }
  }
  unknown_option(s, t, written, long_name);
  return nullptr;
}

// Deprecation of an option the target accepts.
void CommandChecker::after_resolve(const Scope& s, const Token& t, const std::string& written,
                                   const CliOption& o, bool /*has_inline*/) {
  if (!target_) return;
  const std::string& name = resolved_;
  const knowledge::OptionChange* ch = s_.flags->option(s.tool->script, name);
  const bool removed = ch && ch->removed_in && *ch->removed_in <= k_.to->version;
  const bool deprecated =
      o.deprecated || (ch && ch->deprecated_in && *ch->deprecated_in <= k_.to->version);
  if (!deprecated && !removed) return;
  std::string replacement = ch && !ch->replacement.empty() ? ch->replacement : o.replacement;
  std::string msg = quoted(written) + " is deprecated in " + s.tool->script + " " + k_.to->name;
  if (ch && ch->removed_in) msg += " and removed in " + ch->removed_in->str();
  core::Finding& fd = em_.at(t, RuleId::KL705, msg, written);
  if (!replacement.empty()) fd.suggestion = "use " + quoted(replacement);
  if (ch && !ch->note.empty()) fd.notes.push_back(ch->note);
  replacement_fix(fd, s, t, written, name, replacement);
}

void CommandChecker::unknown_option(const Scope& s, const Token& t, const std::string& written,
                                    const std::string& long_name) {
  const std::string& script = s.tool->script;
  // A short option ('-t') is looked up as written, a long one by its full name.
  const std::string& probe = s.tool->find_option(written) ? written : long_name;
  if (target_ && !subcommand_.empty() && s.tool->find_option(probe)) {
    std::vector<std::string> subs;
    const CliTool* layout = subcommand_layout(*s.tool);
    for (const knowledge::CliSubcommand& sc :
         layout ? layout->subcommand_options : s.tool->subcommand_options)
      for (const CliOption& o : sc.options)
        if (o.name == probe && !sc.name.empty() &&
            std::find(s.tool->subcommands.begin(), s.tool->subcommands.end(), sc.name) !=
                s.tool->subcommands.end())
          subs.push_back(sc.name);
    core::Finding& fd = em_.at(
        t, RuleId::KL701,
        quoted(written) + " is not an option of '" + script + " " + subcommand_ + "' in Kafka " +
            k_.to->name + (subs.empty() ? "" : "; sub-command " + join_quoted(subs) + " takes it"),
        written);
    fd.suggestion = did_you_mean(suggest_option(long_name, s.names));
    return;
  }
  if (target_) {
    // Removed from the tool?
    const knowledge::OptionChange* ch = s_.flags->option(script, long_name);
    const knowledge::RemovedOption* rm = target_->removed_option(script, long_name);
    if (rm || (ch && ch->removed_in && *ch->removed_in <= k_.to->version)) {
      std::string msg = quoted(written) + " was removed from " + script;
      if (ch && ch->removed_in) msg += " in " + ch->removed_in->str();
      if (rm) msg += " (last accepted by " + rm->last + ")";
      core::Finding& fd = em_.at(t, RuleId::KL704, msg, written);
      std::string replacement = ch ? ch->replacement : "";
      if (replacement.empty() && rm)
        if (const Release* last = k_.versions->find_line(rm->last))
          if (const CliCatalog* lc = s_.cli->at(*last))
            if (const CliTool* lt = lc->find(script))
              if (const CliOption* lo = lt->find_option(long_name)) replacement = lo->replacement;
      if (!replacement.empty() && !option_of(s, replacement)) replacement.clear();
      if (!replacement.empty()) fd.suggestion = "use " + quoted(replacement);
      if (ch && !ch->note.empty()) fd.notes.push_back(ch->note);
      if (k_.from) {
        const CliCatalog* fc = s_.cli->at(*k_.from);
        const CliTool* ft = fc ? fc->find(script) : nullptr;
        from_note(fd, ft && ft->find_option(long_name));
      }
      replacement_fix(fd, s, t, written, long_name, replacement);
      return;
    }
    // Added in a later release?
    for (const Release* r : s_.cli->lines()) {
      if (r->version <= k_.to->version) continue;
      const CliCatalog* rc = s_.cli->at(*r);
      const CliTool* rt = rc ? rc->find(script) : nullptr;
      if (!rt || !rt->find_option(long_name)) continue;
      std::string msg = quoted(written) + " is not available in " + script + " " + k_.to->name +
                        " (added in " + r->name + ")";
      core::Finding& fd = em_.at(t, RuleId::KL703, msg, written);
      std::vector<std::string> instead;
      for (const knowledge::OptionChange& oc : s_.flags->options())
        if (oc.tool == script && oc.replacement == long_name && option_of(s, oc.option))
          instead.push_back(oc.option);
      if (!instead.empty())
        fd.suggestion = "Kafka " + k_.to->name + " offers " + join_quoted(instead) + " instead";
      return;
    }
  }
  // Another tool's option?
  std::vector<std::string> owners;
  const Release* ref = target_ ? k_.to : s_.cli->newest();
  if (const CliCatalog* rc = ref ? s_.cli->at(*ref) : nullptr) {
    for (const CliTool& other : rc->tools())
      if (other.script != script && other.find_option(long_name)) owners.push_back(other.script);
    if (!target_)
      for (const knowledge::RemovedOption& r : rc->removed_options())
        if (r.script != script && r.option == long_name) owners.push_back(r.script);
  }
  std::sort(owners.begin(), owners.end());
  owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
  std::vector<std::string> close = suggest_option(long_name, s.names);
  // A prefix of one of this tool's options is a truncated name, not another tool's option.
  bool truncated = false;
  for (const std::string& c : close) truncated = truncated || starts_with(c, long_name);
  if (!owners.empty() && !truncated) {
    core::Finding& fd =
        em_.at(t, RuleId::KL702,
               quoted(written) + " is not an option of " + script + "; " + join_quoted(owners) +
                   (owners.size() == 1 ? " has" : " have") + " it",
               written);
    fd.suggestion = did_you_mean(close);
    return;
  }
  std::string where = script;
  if (target_) where += " " + k_.to->name;
  core::Finding& fd =
      em_.at(t, RuleId::KL701, quoted(written) + " is not an option of " + where, written);
  fd.suggestion = did_you_mean(close);
  if (close.size() == 1)
    rename_fix(fd, t, written, close[0], same_meaning(s, t, close[0]), "use " + quoted(close[0]));
}

// A did-you-mean is safe only when it keeps what the command does: not another word for an
// action ('--description' -> '--describe' turns a create into a describe), and taking a value
// exactly when the word after the typo is one ('--repl 3' -> '--help 3').
bool CommandChecker::same_meaning(const Scope& s, const Token& t, const std::string& to) const {
  static constexpr std::string_view kActions[] = {
      "--create",        "--delete",         "--describe", "--alter",         "--list", "--help",
      "--version",       "--execute",        "--generate", "--verify",        "--add",  "--remove",
      "--reset-offsets", "--delete-offsets", "--cancel",   "--from-beginning"};
  // An action is safe only from a one-letter slip ('--descibe'), never from another word.
  for (std::string_view a : kActions)
    if (to == a && core::edit_distance(t.text.substr(0, t.text.find('=')), to) > 1) return false;
  const CliOption* opt = s.tool->find_option(to);
  if (!opt || opt->arg == CliOption::Arg::kOptional) return false;
  if (t.text.find('=') != std::string::npos) return opt->arg == CliOption::Arg::kRequired;
  bool value_follows = false;
  for (std::size_t i = 0; i + 1 < c_->args.size(); ++i)
    if (&c_->args[i] == &t) {
      const std::string& next = c_->args[i + 1].text;
      value_follows = !next.empty() && next[0] != '-';
      // '--repl factor 3' -> '--replication-factor factor 3': the next word is part of the
      // name, not its value (split_option joins such words; this keeps any other path safe).
      if (value_follows && to.size() > next.size() + 1 &&
          to.compare(to.size() - next.size() - 1, std::string::npos, "-" + next) == 0)
        return false;
    }
  return value_follows == (opt->arg == CliOption::Arg::kRequired);
}

// KL711: from 4.0 a bootstrap list must be comma-separated.
void CommandChecker::value_checks(const CliOption* opt, const Token& value,
                                  const std::string& text) {
  if (!target_ || !opt || resolved_ != "--bootstrap-server" || value.opaque) return;
  if (!k_.reached(k_.to, knowledge::Milestone::kCommaBootstrapList)) return;
  std::string_view v = text;
  const std::size_t b = v.find_first_not_of(" \t");
  if (b == std::string_view::npos) return;
  v = v.substr(b, v.find_last_not_of(" \t") - b + 1);
  if (v.find_first_of(" \t") == std::string_view::npos) return;
  std::string joined;
  bool gap = false;
  for (char ch : v) {
    if (ch == ' ' || ch == '\t') {
      gap = true;
      continue;
    }
    if (gap && !joined.empty() && joined.back() != ',' && ch != ',') joined += ',';
    gap = false;
    joined += ch;
  }
  core::Finding& fd =
      em_.at(value, RuleId::KL711,
             "Kafka " + k_.to->name + " reads " + quoted(std::string(v)) + " as one server name",
             resolved_);
  fd.suggestion = "use " + quoted(joined);
  // Only a plainly quoted list is rewritten (quotes kept); escapes or expansions are left alone.
  const std::string& raw = value.raw;
  if (raw.size() >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw.back() == raw[0] &&
      raw.substr(1, raw.size() - 2) == text && text.find_first_of("\\\"'$`") == std::string::npos)
    em_.fix(fd, {{value.offset, value.offset + raw.size(), raw[0] + joined + raw[0]}},
            "separate the servers with commas", true);
}

}  // namespace kafkalint::checks::cmd
