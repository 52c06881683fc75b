#!/usr/bin/env bash
# Runs the CI recipes as written: the `run` steps of action.yml (with the action's inputs as
# GitHub substitutes them, kafkalint already installed so the build step is skipped, the
# SARIF upload left out: it is a `uses` step that talks to GitHub) and the `script` of the
# README's GitLab job, on a folder with findings. Prints what a test asserts on.
# usage: ci_recipes_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
src=$1 build=$2 work=$3
cmake --install "$build" --prefix "$work/prefix" >/dev/null
export PATH="$work/prefix/bin:$PATH"
mkdir -p "$work/repo/config" "$work/runner"
printf 'broker.id=1\nzookeeper.connect=zk-1:2181\nog.message.format.version=2.1\n' \
  > "$work/repo/config/server.properties"

# --- GitHub: the steps of action.yml, one bash per step, as the runner runs them.
python3 - "$src/action.yml" "$work" <<'PY'
import os, re, subprocess, sys, yaml
action, work = sys.argv[1], sys.argv[2]
spec = yaml.safe_load(open(action))
inputs = {k: str(v.get("default", "")) for k, v in spec["inputs"].items()}
inputs.update({"to": "3.9", "paths": "config/", "sarif": "out/kafkalint.sarif"})
outputs = {}
def expand(text, step_id=None):
    def one(m):
        expr = m.group(1).strip()
        if expr == "github.action_path": return os.path.dirname(os.path.abspath(action))
        if expr.startswith("inputs."): return inputs[expr[len("inputs."):]]
        m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m2: return outputs.get(m2.group(1), {}).get(m2.group(2), "")
        raise SystemExit("unexpected expression " + expr)
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))
os.makedirs(os.path.join(work, "repo", "out"), exist_ok=True)
for step in spec["runs"]["steps"]:
    if "uses" in step:
        print("skipped uses step:", step["name"]); continue
    assert step.get("shell") == "bash", step["name"]
    out_file = os.path.join(work, "runner", "output")
    open(out_file, "w").close()
    env = dict(os.environ, GITHUB_OUTPUT=out_file, RUNNER_TEMP=os.path.join(work, "runner"))
    env.update({k: expand(v) for k, v in step.get("env", {}).items()})
    r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                       cwd=os.path.join(work, "repo"), env=env, capture_output=True, text=True)
    sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)
    if "id" in step:
        outputs[step["id"]] = dict(l.split("=", 1) for l in open(out_file).read().splitlines() if "=" in l)
    print("step %s: exit %d" % (step["name"], r.returncode))
PY

# --- GitLab: the script lines of the README's job (before_script installs, done above).
python3 - "$src/README.md" "$work" <<'PY'
import os, re, subprocess, sys, yaml
readme, work = sys.argv[1], sys.argv[2]
text = open(readme).read()
start = text.index("**GitLab CI.**")
block = re.search(r"```yaml\n(.*?)```", text[start:], re.S).group(1)
job = yaml.safe_load(block)["kafkalint"]
assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
for line in job["script"]:
    r = subprocess.run(["bash", "-c", line], cwd=os.path.join(work, "repo"))
    print("gitlab script: exit %d" % r.returncode)
PY

python3 - "$work/repo" <<'PY'
import json, sys
repo = sys.argv[1]
sarif = json.load(open(repo + "/out/kafkalint.sarif"))
rules = sorted({r["ruleId"] for r in sarif["runs"][0]["results"]})
print("sarif results:", len(sarif["runs"][0]["results"]), "rules:", ",".join(rules))
gl = json.load(open(repo + "/gl-code-quality-report.json"))
print("gitlab issues:", len(gl), "first path:", gl[0]["location"]["path"])
PY
