#!/bin/sh
# SPDX-License-Identifier: MIT
# yamltools.sh - the shipped trees read the same in other YAML tools: they
# pass yamllint's default rules and PyYAML (YAML 1.1, where yes, no, on and
# off are booleans) reads every scalar as keywiz does (each tool's tests are
# skipped when it is missing)
: "${srcdir:=.}"
tmp=${TMPDIR:-/tmp}/kwyamltools.$$
trap 'rm -f "$tmp".*' EXIT
. "$srcdir/tests/tap.sh"

trees=$(ls "$srcdir"/wizard/*.yaml "$srcdir"/wizard/examples/*.yaml)
ntrees=$(echo "$trees" | wc -l)

# A tree that keywiz reads but YAML 1.1 tools do not: a flow-style title
# ending in '?' (PyYAML refuses it) and unquoted yes/no keys (booleans).
cat >"$tmp.bad.yaml" <<'EOF'
---
keywiz: 1
id: bad
title: {en: Bad}
languages: [en]
start: q
nodes:
  q:
    type: question
    title: {en: Really?, fr: Vraiment ?}
    text: {en: It is.}
    yes: q
    no: q
EOF

# The same with the title quoted: PyYAML loads it, yes and no as booleans.
sed 's/{en: Really?, fr: Vraiment ?}/{en: "Really?"}/' "$tmp.bad.yaml" \
    >"$tmp.bool.yaml"

# pyyaml FILE: PyYAML loads FILE and reads every key and every value as a
# string, but for the numbers of the format (keywiz, groups, group_length,
# minutes); prints what differs
pyyaml() {
	python3 - "$1" <<'EOF' 2>&1
import sys
import yaml

NUMBERS = {"keywiz", "groups", "group_length", "minutes"}
bad = []

def walk(x, path, key):
    if isinstance(x, dict):
        for k, v in x.items():
            if not isinstance(k, str):
                bad.append("%s: key %r is a %s" % (path, k, type(k).__name__))
            walk(v, "%s/%s" % (path, k), str(k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            walk(v, "%s/%d" % (path, i), key)
    elif isinstance(x, int) and not isinstance(x, bool) and key in NUMBERS:
        pass
    elif not isinstance(x, str):
        bad.append("%s: %r is a %s" % (path, x, type(x).__name__))

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        walk(yaml.safe_load(f), "", "")
except yaml.YAMLError as e:
    bad.append(str(e).replace("\n", " "))
print("\n".join(bad[:5]))
EOF
}

echo "1..$((2 * ntrees + 3))"
if command -v yamllint >/dev/null 2>&1; then
	for f in $trees; do
		out=$(yamllint --strict -d default -f parsable "$f" 2>&1)
		t "yamllint: $(basename "$f")" "$out"
	done
	yamllint --strict -d default "$tmp.bad.yaml" >/dev/null 2>&1 &&
	    why="yamllint accepts a tree with unquoted yes/no" || why=
	t "yamllint: unquoted yes and no keys fail" "$why"
else
	for f in $trees; do
		s "yamllint: $(basename "$f")" "yamllint is not installed"
	done
	s "yamllint: unquoted yes and no keys fail" \
	    "yamllint is not installed"
fi
if python3 -c 'import yaml' >/dev/null 2>&1; then
	for f in $trees; do
		t "PyYAML: $(basename "$f")" "$(pyyaml "$f")"
	done
	out=$(pyyaml "$tmp.bad.yaml")
	case $out in
	*"expected ',' or '}'"*) why= ;;
	*) why="PyYAML read it: ${out:-no difference found}" ;;
	esac
	t "PyYAML: a flow-style title ending in '?' fails" "$why"
	out=$(pyyaml "$tmp.bool.yaml")
	case $out in
	*"key True is a bool"*"key False is a bool"*) why= ;;
	*) why="PyYAML read it: ${out:-no difference found}" ;;
	esac
	t "PyYAML: unquoted yes and no keys are booleans" "$why"
else
	for f in $trees; do
		s "PyYAML: $(basename "$f")" "python3-yaml is not installed"
	done
	s "PyYAML: a flow-style title ending in '?' fails" \
	    "python3-yaml is not installed"
	s "PyYAML: unquoted yes and no keys are booleans" \
	    "python3-yaml is not installed"
fi
exit $tap_fail
