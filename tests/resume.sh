#!/bin/sh
# SPDX-License-Identifier: MIT
# resume.sh - keywiz --resume FILE without a tree takes the tree the record
# was made on, looked up by its id in the tree folders, never as a path
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwresume.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
KEYWIZ_PATH="$KEYWIZ_PATH:${top_srcdir:-.}/wizard/examples"
export KEYWIZ_PATH
echo "1..4"

# resume RECORD [TREE]: quit at once; output in $tmp/out, status in $st
resume() {
	printf 'q\n' | "$KEYWIZ" --plain --lang en --resume "$@" \
	    >"$tmp/out" 2>&1
	st=$?
}

# why the run was wrong (tap_why): empty when it was right
why() { tap_why "$1" "$2" "$tmp/out"; }

# a session on an example tree, left after its first answer
printf '1\nq\n' | "$KEYWIZ" --plain --lang en -o "$tmp/rec.json" \
    printer-not-printing >/dev/null 2>&1

resume "$tmp/rec.json"
t "no tree named: the record's own tree, found by its id" \
    "$(why 1 '^Step 2: Clear the jam')"

resume "$tmp/rec.json" m365-product-key
t "a tree named: that one, and a clear refusal (65)" \
    "$(why 65 "is for the tree 'printer-not-printing'")"

# an id that would be a path, or a file in the current folder: not taken
sed 's|"id": "printer-not-printing"|"id": "../../../etc/passwd"|' \
    "$tmp/rec.json" >"$tmp/path.json"
resume "$tmp/path.json"
t "an id with slashes is never a path (the default tree, refused)" \
    "$(why 65 "is for the tree '../../../etc/passwd', not 'm365-product-key'")"

sed 's|"id": "printer-not-printing"|"id": "decoy.yaml"|' \
    "$tmp/rec.json" >"$tmp/decoy.json"
printf 'keywiz: 1\n' >"$tmp/decoy.yaml"
cd "$tmp" && resume decoy.json
t "an id naming a file here is not loaded" \
    "$(why 65 "is for the tree 'decoy.yaml', not 'm365-product-key'")"
exit $tap_fail
