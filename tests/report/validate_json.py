#!/usr/bin/env python3
"""Validates a JSON document against a JSON schema (draft-07). usage: validate_json.py SCHEMA DOC

The SARIF schema copy in ../shared keeps its root object under definitions/Root with no
top-level constraints, so validation starts from that definition when present."""
import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    doc = json.load(f)
if "Root" in schema.get("definitions", {}) and "properties" not in schema:
    schema = dict(schema, **{"$ref": "#/definitions/Root"})
validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
for e in errors:
    print("/".join(str(p) for p in e.path) or "(root)", ":", e.message)
sys.exit(1 if errors else 0)
