#!/usr/bin/env python3
"""Generates kafkalint's per-release knowledge packs from Kafka's own references.

usage: python3 tools/import_kafka.py --shared /work/shared --out rules/kafka

Writes rules/kafka/configs/<line>.toml (config keys per scope) and
rules/kafka/cli/<line>.toml (command-line tools and their options). The output is
deterministic: the same inputs give the same bytes, and tests/knowledge/import_test.cpp
checks that the committed packs equal a fresh import. The pack format is documented in
rules/SCHEMA.md.

Only facts are taken from the references: names, types, defaults, valid values,
importance, update mode, server default property, options. Description text is
never read into the output (the HTML parsers skip it on purpose).
"""

import argparse
import csv
import html
import os
import re
import sys

GENERATOR = "tools/import_kafka.py"
SCOPES = ["broker", "topic", "producer", "consumer", "admin"]
DOC_FILES = {  # scope -> file name in kafka-docs/<v>/
    "broker": "kafka_config.html",
    "topic": "topic_config.html",
    "producer": "producer_config.html",
    "consumer": "consumer_config.html",
    "admin": "admin_client_config.html",
}
DOC_FILE_STEMS = {v: v[: -len("_config.html")] for v in DOC_FILES.values()}
TYPES = {"boolean", "string", "int", "short", "long", "double", "list", "class", "password"}
IMPORTANCES = {"high", "medium", "low"}
UPDATE_MODES = {"read-only", "per-broker", "cluster-wide"}


def version_key(line):
    return tuple(int(p) for p in line.split("."))


def x4_lines(shared):
    """The 4.x lines the inputs describe: one kafka-4x/configs-<line>.tsv per line, so that a new
    release needs new input files only, not an edit here."""
    lines = []
    for name in os.listdir(os.path.join(shared, "kafka-4x")):
        m = re.fullmatch(r"configs-([0-9]+\.[0-9]+)\.tsv", name)
        if m and int(m.group(1).split(".")[0]) >= 4:
            lines.append(m.group(1))
    return sorted(lines, key=version_key)


def docs_folder_line(folder):
    # kafka-docs names 0.9 "0.9"; its release line is 0.9.0.
    return "0.9.0" if folder == "0.9" else folder


# --------------------------------------------------------------------------------------
# Value normalisation. Rendering changed over the years without the value changing; the
# packs store one spelling so that comparing two releases shows real changes only.

UNIT_SUFFIX = re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?) \([^()]*\)$")
IDENTITY_HASH = re.compile(r"@[0-9a-f]{5,8}\b")
# Validators whose toString() was Java's default (class@hash) in older releases. Later
# releases print these texts for the same validators (checked in kafka-docs 3.x).
VALIDATOR_TEXT = {
    "org.apache.kafka.common.config.ConfigDef$NonNullValidator": "non-null string",
    "ConfigDef$NonNullValidator": "non-null string",
    # 0.10.1 - 0.10.2 printed the class; 0.11 - 2.2 a text with ':' and ',' swapped, fixed later.
    "kafka.server.ThrottledReplicaListValidator$": "[partitionId]:[brokerId],[partitionId]:[brokerId],...",
    "[partitionId],[brokerId]:[partitionId],[brokerId]:...": "[partitionId]:[brokerId],[partitionId]:[brokerId],...",
}
# Validator texts that are not lists or ranges but short facts.
SHORT_VALIDATORS = {"non-null string", "non-empty string", "non-empty list",
                    # 2.1 only: Kafka's ApiVersionValidator had no toString() yet (the hash
                    # is dropped above); other releases list the versions instead.
                    "kafka.api.ApiVersionValidator$"}
CUSTOM_VALIDATOR = "<custom validator>"
# Custom validators read from Kafka's source (docs/validator-audit.md) whose rule is a range
# plus one value, which the value check already reads. 3.9's RemoteLogManagerConfig lambda
# rejects 0 and anything below -1 (-1 = fall back to remote.log.manager.thread.pool.size);
# 4.0 replaced it with a plain [1,...] range, which the reference prints itself.
SOURCE_VALIDATORS = {
    "remote.log.manager.copier.thread.pool.size": "[1,...] or -1",
    "remote.log.manager.expiration.thread.pool.size": "[1,...] or -1",
}
# Maps rendered from a Java HashMap change order between releases without changing value.
ORDER_FREE_MAPS = {"listener.security.protocol.map"}
# ssl.protocol / ssl.enabled.protocols depend on the JVM from 2.6 on; the docs show whichever
# JDK rendered them. We store the Java 11+ defaults (what 4.x, which needs Java 11+, has).
JVM_DEPENDENT = {
    "ssl.protocol": "TLSv1.3",
    "ssl.enabled.protocols": "TLSv1.2,TLSv1.3",
}


def strip_class_prefix(item):
    return item[len("class "):] if item.startswith("class ") else item


def normalise_default(raw, type_, name, line):
    """Returns (default, required): default None = null default."""
    text = raw.strip()
    if text == "" or text == "<no-default>":
        return None, True
    if text == "null":
        return None, False
    if text == '""':
        return "", False
    m = UNIT_SUFFIX.match(text)
    if m:
        text = m.group(1)
    if name in JVM_DEPENDENT and version_key(line) >= (2, 6):
        return JVM_DEPENDENT[name], False
    if name in ORDER_FREE_MAPS:
        return ",".join(sorted(i.strip() for i in text.split(","))), False
    if type_ == "list" or type_ == "class":
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1]
        items = [strip_class_prefix(i.strip()) for i in text.split(",")]
        items = [i for i in items if i != ""]
        return ",".join(items), False
    return text, False


def normalise_valid(raw, name=""):
    text = " ".join(raw.split())
    if not text:
        return ""
    text = IDENTITY_HASH.sub("", text)
    text = VALIDATOR_TEXT.get(text, text)
    # A custom validator whose toString() is a sentence would copy prose into the pack;
    # kafka-4x writes those as <custom validator>, and so do we.
    if not text.startswith(("[", "(", "<")) and text not in SHORT_VALIDATORS:
        text = CUSTOM_VALIDATOR
    if text == CUSTOM_VALIDATOR and name in SOURCE_VALIDATORS:
        return SOURCE_VALIDATORS[name]
    return text


# --------------------------------------------------------------------------------------
# kafka-docs HTML. Descriptions contain unescaped placeholders (<user>) and markup, so the
# parsers never try to understand the description: they locate the fact cells around it.

TAG = re.compile(r"<[^>]*>")


def cell_text(fragment):
    return html.unescape(TAG.sub("", fragment)).strip()


def parse_table_layout(text):
    """0.9 - 2.3: one <table>; one <tr> per key; description in the second cell."""
    rows = re.split(r"(?m)^<tr>\n", text)
    header = [cell_text(h) for h in re.findall(r"<th>(.*?)</th>", rows[1] if len(rows) > 1 else "")]
    if not header or header[0] != "Name":
        raise ValueError("table layout without a Name header")
    entries = []
    for row in rows[2:]:
        row = row.strip()
        row = re.sub(r"</tr>\s*(</tbody></table>)?\s*$", "", row)
        # Doubled </td></td> (1.1 - 2.3) collapse into one separator.
        row = re.sub(r"(</td>)+", "</td>", row)
        cells = row.split("</td>")
        if cells and cells[-1].strip() == "":
            cells.pop()
        if not cells[0].startswith("<td>"):
            raise ValueError("row without a leading <td>: " + row[:60])
        # The fact cells after the description are plain text; anything extra belongs to
        # the description (which we drop).
        nfacts = len(header) - 2
        name = cell_text(cells[0])
        facts = [cell_text(c) for c in cells[len(cells) - nfacts:]]
        for c in cells[len(cells) - nfacts:]:
            if not c.startswith("<td>"):
                raise ValueError("unexpected fact cell for %s: %r" % (name, c[:60]))
        entries.append(dict(zip(["Name"] + header[2:], [name] + facts)))
    return entries


def parse_horizontal_layout(text):
    """2.4: <li><b>name</b>: description<br/><ul class="horizontal-list"> facts </ul></li>."""
    entries = []
    pos = 0
    marker = '<ul class="horizontal-list">'
    while True:
        start = text.find(marker, pos)
        if start < 0:
            break
        end = text.find("</ul>", start)
        # The entry began right after the previous fact list (or at the top).
        head = text[pos:start]
        m = re.search(r"<li><b>(.*?)</b>:", head)
        if not m:
            raise ValueError("no key name before fact list at offset %d" % start)
        entry = {"Name": cell_text(m.group(1))}
        for label, value in re.findall(r"<li><b>([^<]*)</b>:(.*?)</li>", text[start:end]):
            entry[label.strip()] = cell_text(value)
        entries.append(entry)
        pos = end + len("</ul>")
    return entries


FACT_ROW = re.compile(r"<tr><th>([A-Za-z ]+):</th><td>(.*?)</td></tr>")


def parse_h4_layout(text):
    """2.5 - 3.9: <li><h4>name</h4><p>description</p><table> rows Label: value </table>."""
    entries = []
    segments = re.split(r"<h4\b", text)[1:]
    for seg in segments:
        name = cell_text(seg[seg.index(">") + 1: seg.index("</h4>")])
        entry = {"Name": name}
        # Fact rows sit in the last table of the entry, after the description.
        table = seg.rfind('<table')
        for label, value in FACT_ROW.findall(seg[table:]):
            entry[label.strip()] = cell_text(value)
        entries.append(entry)
    return entries


def parse_docs_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "<h4" in text:
        entries = parse_h4_layout(text)
    elif 'class="horizontal-list"' in text:
        entries = parse_horizontal_layout(text)
    else:
        entries = parse_table_layout(text)
    return entries


def docs_entry_to_key(e, scope, line, where):
    name = e["Name"]
    type_ = e.get("Type", "")
    if type_ not in TYPES:
        raise ValueError("%s: %s: unknown type %r" % (where, name, type_))
    default, required = normalise_default(e.get("Default", ""), type_, name, line)
    key = {"name": name, "type": type_, "default": default, "required": required,
           "valid": normalise_valid(e.get("Valid Values", ""), name),
           "importance": e.get("Importance", "")}
    if key["importance"] not in IMPORTANCES:
        raise ValueError("%s: %s: unknown importance %r" % (where, name, key["importance"]))
    mode = e.get("Dynamic Update Mode", e.get("Update Mode", ""))
    if scope == "broker" and mode:
        if mode not in UPDATE_MODES:
            raise ValueError("%s: %s: unknown update mode %r" % (where, name, mode))
        key["update"] = mode
    sd = e.get("Server Default Property", "")
    if scope == "topic" and sd:
        key["server_default"] = sd
    return key


def load_docs_release(shared, folder):
    line = docs_folder_line(folder)
    scopes = {}
    files = []
    for scope in SCOPES:
        fname = DOC_FILES[scope]
        path = os.path.join(shared, "kafka-docs", folder, fname)
        if not os.path.exists(path):
            continue
        files.append(fname)
        keys = {}
        for e in parse_docs_file(path):
            k = docs_entry_to_key(e, scope, line, path)
            if k["name"] in keys:
                raise ValueError("%s: duplicate key %s" % (path, k["name"]))
            keys[k["name"]] = k
        scopes[scope] = keys
    stems = ",".join(DOC_FILE_STEMS[f] for f in sorted(files, key=lambda f: list(DOC_FILES.values()).index(f)))
    inputs = "kafka-docs/%s/{%s}_config.html" % (folder, stems)
    return line, "kafka-docs/" + folder, inputs, scopes


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r)) for r in body if r]


def tsv_row_to_key(r, line, internal):
    type_ = r["type"]
    if type_ not in TYPES:
        raise ValueError("%s: unknown type %r" % (r["name"], type_))
    default, required = normalise_default(r["default"], type_, r["name"], line)
    valid = r["valid_values"]
    key = {"name": r["name"], "type": type_, "default": default, "required": required,
           "valid": normalise_valid(valid, r["name"]), "importance": r["importance"]}
    if internal:
        key["internal"] = True
    return key


def load_4x_release(shared, line, internal_rows):
    path = os.path.join(shared, "kafka-4x", "configs-%s.tsv" % line)
    scopes = {s: {} for s in SCOPES}
    for r in read_tsv(path):
        scopes[r["scope"]][r["name"]] = tsv_row_to_key(r, line, False)
    for r in internal_rows:
        if r["version"] != line:
            continue
        if r["name"] in scopes[r["scope"]]:
            continue  # documented as well; the documented row wins
        scopes[r["scope"]][r["name"]] = tsv_row_to_key(r, line, True)
    inputs = "kafka-4x/configs-%s.tsv and the %s rows of kafka-4x/configs-internal.tsv" % (line, line)
    return line, "kafka-4x/configs-%s.tsv" % line, inputs, scopes


def add_internal(release, internal_rows):
    """Adds the internal keys extracted from Kafka's source for a docs-era line (3.9): the
    broker accepts them although its generated reference does not list them."""
    line, source, inputs, scopes = release
    rows = [r for r in internal_rows if r["version"] == line]
    if not rows:
        return release
    for r in rows:
        if r["name"] not in scopes.setdefault(r["scope"], {}):
            scopes[r["scope"]][r["name"]] = tsv_row_to_key(r, line, True)
    return line, source, inputs + " and the %s rows of kafka-4x/configs-internal.tsv" % line, scopes


# --------------------------------------------------------------------------------------
# TOML output

def toml_str(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_inline(pairs):
    return "{ " + ", ".join("%s = %s" % (k, v) for k, v in pairs) + " }"


def key_inline(k):
    pairs = [("name", toml_str(k["name"])), ("type", toml_str(k["type"]))]
    if k["default"] is not None:
        pairs.append(("default", toml_str(k["default"])))
    if k["required"]:
        pairs.append(("required", "true"))
    if k["valid"]:
        pairs.append(("valid", toml_str(k["valid"])))
    pairs.append(("importance", toml_str(k["importance"])))
    if k.get("update"):
        pairs.append(("update", toml_str(k["update"])))
    if k.get("server_default"):
        pairs.append(("server_default", toml_str(k["server_default"])))
    if k.get("internal"):
        pairs.append(("internal", "true"))
    return toml_inline(pairs)


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def render_configs(line, source, inputs, scopes, removed, undocumented):
    out = ["# Generated by %s from %s. Do not edit." % (GENERATOR, inputs),
           "# Regenerate: python3 tools/import_kafka.py --shared <shared> --out rules/kafka",
           "# Format: rules/SCHEMA.md (one inline table per key and line).",
           "",
           "pack = %s" % toml_inline([("kind", '"configs"'), ("release", toml_str(line)),
                                      ("source", toml_str(source))]),
           ""]
    for scope in SCOPES:
        if scope not in scopes:
            continue
        keys = sorted(scopes[scope].values(), key=lambda k: k["name"])
        out.append("%s = [" % scope)
        out.extend("  %s," % key_inline(k) for k in keys)
        out.append("]")
        out.append("")
    out.append("# Documented in an earlier release of the scope, never again from this one on.")
    out.append("removed = [")
    for scope, name, last in removed:
        out.append("  %s," % toml_inline([("scope", toml_str(scope)), ("name", toml_str(name)),
                                           ("last", toml_str(last))]))
    out.append("]")
    out.append("")
    out.append("# Not documented here but documented both before and after (gaps in the docs).")
    out.append("undocumented = [")
    for scope, name in undocumented:
        out.append("  %s," % toml_inline([("scope", toml_str(scope)), ("name", toml_str(name))]))
    out.append("]")
    return "\n".join(out) + "\n"


def build_configs(shared, out_dir):
    releases = []  # (line, source, inputs, scopes)
    docs = os.path.join(shared, "kafka-docs")
    internal_rows = read_tsv(os.path.join(shared, "kafka-4x", "configs-internal.tsv"))
    for folder in os.listdir(docs):
        if os.path.isdir(os.path.join(docs, folder)) and re.fullmatch(r"[0-9.]+", folder):
            releases.append(add_internal(load_docs_release(shared, folder), internal_rows))
    for line in x4_lines(shared):
        releases.append(load_4x_release(shared, line, internal_rows))
    releases.sort(key=lambda r: version_key(r[0]))
    lines = [r[0] for r in releases]
    present = {s: [set(r[3].get(s, {}).keys()) for r in releases] for s in SCOPES}
    written = []
    for i, (line, source, inputs, scopes) in enumerate(releases):
        removed, undocumented = [], []
        for scope in SCOPES:
            earlier = set().union(*present[scope][:i]) if i else set()
            later = set().union(*present[scope][i + 1:]) if i + 1 < len(releases) else set()
            for name in sorted(earlier - present[scope][i]):
                if name in later:
                    undocumented.append((scope, name))
                else:
                    last = max(j for j in range(i) if name in present[scope][j])
                    removed.append((scope, name, lines[last]))
        text = render_configs(line, source, inputs, scopes, removed, undocumented)
        path = os.path.join(out_dir, "configs", line + ".toml")
        write_file(path, text)
        written.append(path)
    return written


# --------------------------------------------------------------------------------------
# CLI packs

PARSERS = {"joptsimple", "argparse4j", "manual", "positional", "shell", "external", "none"}
TOOL_KINDS = {"tool", "server", "shell-only", "dispatcher"}
ARGS = {"none", "required", "optional"}


def yes_no(v, what):
    if v not in ("yes", "no", ""):
        raise ValueError("%s: expected yes/no, got %r" % (what, v))
    return v == "yes"


def load_cli_sources(shared):
    """Returns {line: release} where release holds scripts, parsers, options, ..."""
    cli = os.path.join(shared, "kafka-cli")
    x4 = os.path.join(shared, "kafka-4x")
    versions = {r["version"]: r for r in read_tsv(os.path.join(cli, "versions.tsv"))}
    releases = {}

    def rel(line):
        return releases.setdefault(line, {"scripts": {}, "options": {}, "subcommands": {},
                                          "sub_options": {}, "deprecations": {}, "parsers": {}})

    version_of_line = {}
    for v, r in versions.items():
        if v == "4.0-pre":
            continue  # a trunk snapshot, not a release; 4.x comes from kafka-4x
        version_of_line[r["line"]] = v
    vline = {v: l for l, v in version_of_line.items()}
    for r in read_tsv(os.path.join(cli, "scripts.tsv")):
        if r["version"] in vline:
            # trogdor.sh runs several classes; sorted, as for 4.x below.
            rel(vline[r["version"]])["scripts"][r["script"]] = ";".join(sorted(r["main_class"].split(";")))
    for r in read_tsv(os.path.join(cli, "parsers.tsv")):
        if r["version"] in vline:
            rel(vline[r["version"]])["parsers"][r["script"]] = r
    for r in read_tsv(os.path.join(cli, "options.tsv")):
        if r["version"] in vline:
            rel(vline[r["version"]])["options"].setdefault(r["script"], []).append(r)
    for r in read_tsv(os.path.join(cli, "subcommands.tsv")):
        if r["version"] in vline:
            rel(vline[r["version"]])["subcommands"].setdefault(r["script"], []).append(r["subcommand"])
    for r in read_tsv(os.path.join(cli, "script_deprecations.tsv")):
        if r["version"] in vline:
            rel(vline[r["version"]])["deprecations"][r["script"]] = r
    for line, v in version_of_line.items():
        r = versions[v]
        releases[line]["source"] = "kafka-cli %s (%s)" % (v, r["ref"])
        releases[line]["inputs"] = ("kafka-cli/{scripts,parsers,options,subcommands,script_deprecations}.tsv"
                                    " rows of version %s" % v)
        releases[line]["parser_note"] = None

    # Parser facts for 4.x: kafka-4x does not record them. Take them from kafka-cli for the
    # same script and main class (4.0-pre trunk snapshot first, then 3.9); argparse4j is
    # known for every tool that kafka-4x/cli-subcommands.tsv lists.
    cli_parsers = {}
    cli_mains = {}
    for r in read_tsv(os.path.join(cli, "parsers.tsv")):
        cli_parsers[(r["version"], r["script"])] = r
    for r in read_tsv(os.path.join(cli, "scripts.tsv")):
        cli_mains[(r["version"], r["script"])] = r["main_class"]
    for r in read_tsv(os.path.join(x4, "cli-scripts.tsv")):
        rel(r["version"])["scripts"].setdefault(r["script"], []).append(r["main_class"])
    for r in read_tsv(os.path.join(x4, "cli-options.tsv")):
        rel(r["version"])["options"].setdefault(r["script"], []).append(r)
    for r in read_tsv(os.path.join(x4, "cli-subcommands.tsv")):
        t = rel(r["version"])
        if r["subcommand"]:
            subs = t["subcommands"].setdefault(r["script"], [])
            if r["subcommand"] not in subs:
                subs.append(r["subcommand"])
        # A row with an empty option only records that the sub-command exists.
        t["sub_options"].setdefault(r["script"], []).append(r)
    commits = {r["version"]: r for r in read_tsv(os.path.join(x4, "sources.tsv"))}
    for line in x4_lines(shared):
        t = releases[line]
        t["source"] = "kafka-4x %s (confluentinc/kafka branch %s at %s)" % (
            line, commits[line]["branch"], commits[line]["commit"][:12])
        t["inputs"] = "kafka-4x/{cli-scripts,cli-options,cli-subcommands}.tsv rows of version %s" % line
        # kafka-4x lists trogdor.sh once per action class; our format has one main class.
        t["scripts"] = {s: ";".join(sorted(m)) if len(m) > 1 else m[0]
                        for s, m in t["scripts"].items()}
        notes = []
        for script, main in sorted(t["scripts"].items()):
            t["parsers"][script] = x4_parser_facts(script, main, line, cli_parsers, cli_mains, notes)
        t["parser_note"] = notes
    return releases


# Parser facts of 4.x tools that kafka-cli cannot give (new in 4.x, or parsed differently),
# read from the 4.x sources (apache/kafka tools/ module): GroupsCommandOptions,
# StreamsGroupCommandOptions and ShareConsumerPerfOptions extend CommandDefaultOptions with
# super(args), so abbreviations are off; VerifiableShareConsumer and ConnectInternalTopics
# build argparse4j parsers (both are in kafka-4x/cli-subcommands.tsv and add -h); EndToEndLatency
# became a CommandDefaultOptions tool in 4.2 that still converts the old positional form.
# script -> (first line it applies to, parser, abbreviations, kind)
X4_PARSER_OVERRIDES = {
    "kafka-groups.sh": ("4.0", "joptsimple", "no", "tool"),
    "kafka-streams-groups.sh": ("4.1", "joptsimple", "no", "tool"),
    "kafka-share-consumer-perf-test.sh": ("4.1", "joptsimple", "no", "tool"),
    "kafka-verifiable-share-consumer.sh": ("4.1", "argparse4j", "yes", "tool"),
    "connect-internal-topics.sh": ("4.4", "argparse4j", "yes", "tool"),
    "kafka-e2e-latency.sh": ("4.2", "joptsimple+positional", "no", "tool"),
}


def same_main(a, b):
    # kafka-cli writes "-" for no class, kafka-4x ""; trogdor.sh lists several classes.
    def norm(m):
        return sorted(x for x in m.replace("-", "").split(";") if x) if m != "-" else []
    return norm(a) == norm(b)


def x4_parser_facts(script, main, line, cli_parsers, cli_mains, notes):
    o = X4_PARSER_OVERRIDES.get(script)
    if o and version_key(line) >= version_key(o[0]):
        notes.append("%s (%s): %s, read from the 4.x source" % (script, main, o[1]))
        return {"parser": o[1], "abbreviations": o[2], "kind": o[3]}
    for v in ("4.0-pre", "3.9"):
        if (v, script) in cli_parsers and same_main(cli_mains.get((v, script), ""), main):
            return cli_parsers[(v, script)]
    for v in ("4.0-pre", "3.9"):
        if (v, script) in cli_parsers:
            # A Scala tool ported to Java keeps its CommandDefaultOptions parser.
            notes.append("%s: main class is now %s; parser facts of kafka-cli %s (%s) reused" %
                         (script, main, v, cli_mains.get((v, script))))
            return cli_parsers[(v, script)]
    raise ValueError("no parser facts for 4.x script %s (%s)" % (script, main))


def option_inline(o):
    pairs = [("name", toml_str(o["option"])), ("arg", toml_str(o["arg"]))]
    if o.get("deprecated") == "yes":
        pairs.append(("deprecated", "true"))
    if o.get("replacement"):
        pairs.append(("replacement", toml_str(o["replacement"])))
    return toml_inline(pairs)


def dedupe_options(rows, where):
    by_name = {}
    for o in rows:
        if o["arg"] not in ARGS:
            raise ValueError("%s: %s: bad arg %r" % (where, o["option"], o["arg"]))
        yes_no(o.get("deprecated", ""), where)
        if o["option"] in by_name and by_name[o["option"]] != o:
            raise ValueError("%s: conflicting rows for %s" % (where, o["option"]))
        by_name[o["option"]] = o
    return [by_name[n] for n in sorted(by_name)]


def render_cli(line, t, removed_tools, removed_options):
    out = ["# Generated by %s from %s. Do not edit." % (GENERATOR, t["inputs"]),
           "# Regenerate: python3 tools/import_kafka.py --shared <shared> --out rules/kafka",
           "# Format: rules/SCHEMA.md."]
    if t["parser_note"] is not None:
        out.append("# kafka-4x has no parser facts: parser, abbreviations and kind come from the")
        out.append("# kafka-cli/parsers.tsv row of the same script and main class (4.0-pre trunk")
        out.append("# snapshot, else 3.9) and script_deprecations.tsv has no 4.x rows, except:")
        for n in t["parser_note"]:
            out.append("#   %s" % n)
    out += ["", "pack = %s" % toml_inline([("kind", '"cli"'), ("release", toml_str(line)),
                                            ("source", toml_str(t["source"]))]), ""]
    # Top-level arrays come before the first [[tool]] header, which would otherwise own them.
    out.append("# Scripts of an earlier release line that this one does not ship.")
    out.append("removed_tool = [")
    for script, last in removed_tools:
        out.append("  %s," % toml_inline([("script", toml_str(script)), ("last", toml_str(last))]))
    out.append("]")
    out.append("")
    out.append("# Options an earlier release line accepted that this one's tool does not.")
    out.append("removed_option = [")
    for script, option, last in removed_options:
        out.append("  %s," % toml_inline([("script", toml_str(script)), ("option", toml_str(option)),
                                           ("last", toml_str(last))]))
    out.append("]")
    out.append("")
    for script in sorted(t["scripts"]):
        where = "%s %s" % (line, script)
        p = t["parsers"].get(script)
        if p is None:
            raise ValueError("%s: no parser row" % where)
        for part in p["parser"].split("+"):
            if part not in PARSERS:
                raise ValueError("%s: unknown parser %r" % (where, part))
        if p["kind"] not in TOOL_KINDS:
            raise ValueError("%s: unknown kind %r" % (where, p["kind"]))
        dep = t["deprecations"].get(script)
        main = t["scripts"][script]
        out.append("[[tool]]")
        out.append("script = %s" % toml_str(script))
        out.append("main_class = %s" % toml_str("" if main == "-" else main))
        out.append("parser = %s" % toml_str(p["parser"]))
        out.append("abbreviations = %s" % ("true" if yes_no(p["abbreviations"], where) else "false"))
        out.append("kind = %s" % toml_str(p["kind"]))
        out.append("deprecated = %s" % ("true" if dep and dep["deprecated"] == "yes" else "false"))
        out.append("replacement = %s" % toml_str(dep["replacement"] if dep else ""))
        subs = t["subcommands"].get(script, [])
        subs = sorted(set(subs))
        out.append("subcommands = [%s]" % ", ".join(toml_str(s) for s in subs))
        opts = dedupe_options(t["options"].get(script, []), where)
        out.append("options = [")
        out.extend("  %s," % option_inline(o) for o in opts)
        out.append("]")
        sub_rows = t["sub_options"].get(script)
        if sub_rows:
            # One table per sub-command ("" = the top-level parser), options by name only:
            # arg kinds repeat the merged list above.
            groups = {}
            for r in sub_rows:
                group = groups.setdefault(r["subcommand"], {})
                if r["option"]:
                    if r["arg"] not in ARGS:
                        raise ValueError("%s: %s: bad arg %r" % (where, r["option"], r["arg"]))
                    group[r["option"]] = r["arg"]
            out.append("subcommand_options = [")
            for sub in sorted(groups):
                opts_of = groups[sub]
                out.append("  { subcommand = %s, options = [%s] }," % (
                    toml_str(sub), ", ".join(
                        toml_inline([("name", toml_str(n)), ("arg", toml_str(opts_of[n]))])
                        for n in sorted(opts_of))))
            out.append("]")
        out.append("")
    while out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def build_cli(shared, out_dir):
    releases = load_cli_sources(shared)
    lines = sorted(releases, key=version_key)
    written = []
    for i, line in enumerate(lines):
        t = releases[line]
        removed_tools, removed_options = [], []
        seen_tools = {}
        seen_opts = {}
        for j in range(i):
            tj = releases[lines[j]]
            for s in tj["scripts"]:
                seen_tools[s] = lines[j]
            for s, rows in tj["options"].items():
                for o in rows:
                    seen_opts[(s, o["option"])] = lines[j]
        for s in sorted(seen_tools):
            if s not in t["scripts"]:
                removed_tools.append((s, seen_tools[s]))
        here = {(s, o["option"]) for s, rows in t["options"].items() for o in rows}
        for (s, o) in sorted(seen_opts):
            if s in t["scripts"] and (s, o) not in here:
                removed_options.append((s, o, seen_opts[(s, o)]))
        text = render_cli(line, t, removed_tools, removed_options)
        path = os.path.join(out_dir, "cli", line + ".toml")
        write_file(path, text)
        written.append(path)
    return written


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", required=True, help="the reference directory (kafka-docs, kafka-cli, kafka-4x)")
    ap.add_argument("--out", required=True, help="output directory, normally rules/kafka")
    args = ap.parse_args(argv)
    try:
        files = build_configs(args.shared, args.out) + build_cli(args.shared, args.out)
    except (OSError, ValueError, KeyError) as e:
        print("import_kafka: error: %s" % e, file=sys.stderr)
        return 1
    print("import_kafka: wrote %d files under %s" % (len(files), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
