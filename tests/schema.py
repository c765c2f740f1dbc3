#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# schema.py - keywiz-tree.schema.json against the trees, as an editor with a
# YAML language server would read them; TAP on standard output (run by
# tests/schema.sh):
#  - the schema is a JSON Schema 2020-12;
#  - every shipped tree carries the modeline that points editors at the
#    schema, and validates, as does every good fixture;
#  - each bad tree of tests/hostile/ and tests/fixtures/check/ gets the
#    verdict tests/schema.expected gives it, and every one has a row.
# Usage: schema.py SRCDIR
import json
import os
import re
import sys

import jsonschema
import yaml

SRC = sys.argv[1]
SCHEMA = os.path.join(SRC, "keywiz-tree.schema.json")
MODELINE = "# yaml-language-server: $schema="
BAD_DIRS = ["tests/hostile", "tests/fixtures/check", "tests/fixtures/load"]
GOOD_DIRS = ["wizard", "wizard/examples", "tests/fixtures/good",
             "tests/fixtures/session", "tests/fixtures/record",
             "tests/fixtures/match"]

# YAML 1.2's core schema, as editors read a tree (and as keywiz does):
# only true and false are booleans, only decimal digits are integers.
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in (BOOL, INT)]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver(
    BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver(
    INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))

n = 0
failed = False
lines = []


def t(what, why=""):
    global n, failed
    n += 1
    if why:
        failed = True
        lines.append("not ok %d - %s: %s" % (n, what, why))
    else:
        lines.append("ok %d - %s" % (n, what))


def yamls(d):
    path = os.path.join(SRC, d)
    return sorted(os.path.join(d, f) for f in os.listdir(path)
                  if f.endswith(".yaml"))


def verdict(validator, rel):
    """('unreadable'|'invalid'|'valid', the first problem)"""
    try:
        with open(os.path.join(SRC, rel), "rb") as f:
            data = yaml.load(f, Loader=Loader)
    except (yaml.YAMLError, ValueError) as e:
        return "unreadable", str(e).split("\n")[0]
    errors = list(validator.iter_errors(data))
    if errors:
        e = jsonschema.exceptions.best_match(errors)
        where = "/".join(str(p) for p in e.absolute_path) or "the tree"
        return "invalid", "%s: %s" % (where, e.message[:120])
    return "valid", ""


with open(SCHEMA, encoding="utf-8") as f:
    schema = json.load(f)
try:
    jsonschema.Draft202012Validator.check_schema(schema)
    t("the schema is a JSON Schema 2020-12")
except jsonschema.exceptions.SchemaError as e:
    t("the schema is a JSON Schema 2020-12", e.message)
validator = jsonschema.Draft202012Validator(schema)

for d in GOOD_DIRS:
    for rel in yamls(d):
        v, why = verdict(validator, rel)
        t("valid: " + rel, "" if v == "valid" else v + ": " + why)

# the shipped trees point editors at the schema, by a path that holds in
# the source tree and once installed ($(pkgdatadir)/wizard/...)
for d in ("wizard", "wizard/examples"):
    for rel in yamls(d):
        with open(os.path.join(SRC, rel), encoding="utf-8") as f:
            head = [ln.rstrip("\n") for ln in f.readlines()[:5]]
        mode = [ln for ln in head if ln.startswith(MODELINE)]
        why = ""
        if not mode:
            why = "no '%s...' line among the first five" % MODELINE
        else:
            target = os.path.normpath(os.path.join(
                SRC, d, mode[0][len(MODELINE):].strip()))
            if target != os.path.normpath(SCHEMA):
                why = "it points at %s" % target
        t("modeline: " + rel, why)

rows = {}
with open(os.path.join(SRC, "tests/schema.expected"), encoding="utf-8") as f:
    for ln in f:
        ln = ln.split("#", 1)[0].split()
        if ln:
            rows[ln[0]] = ln[1]
bad = [rel for d in BAD_DIRS for rel in yamls(d)]
for rel in bad:
    want = rows.get(rel)
    if want is None:
        t("verdict: " + rel, "no row in tests/schema.expected")
        continue
    got, why = verdict(validator, rel)
    t("verdict: %s %s" % (rel, want),
      "" if got == want else "the schema says %s %s" % (got, why))
extra = sorted(set(rows) - set(bad))
t("every row of tests/schema.expected names a bad tree",
  ", ".join(extra))

print("1..%d" % n)
print("\n".join(lines))
sys.exit(1 if failed else 0)
