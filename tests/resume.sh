#!/bin/sh
# SPDX-License-Identifier: MIT
# resume.sh - keywiz --resume FILE without a tree takes the tree the record
# was made on, looked up by its id in the tree folders, never as a path
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwresume.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
KEYWIZ_PATH="$KEYWIZ_PATH:$top_srcdir/wizard/examples"
export KEYWIZ_PATH
n=0
fail=0
t() {
	n=$((n + 1))
	if [ "$2" = ok ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		sed 's/^/# /' "$tmp/out"
		fail=1
	fi
}
echo "1..4"

# a session on an example tree, left after its first answer
printf '1\nq\n' | "$KEYWIZ" --plain --lang en -o "$tmp/rec.json" \
    printer-not-printing >/dev/null 2>&1
printf 'q\n' | "$KEYWIZ" --plain --lang en --resume "$tmp/rec.json" \
    >"$tmp/out" 2>&1
st=$?
if [ $st -eq 1 ] && grep -q '^Step 2: Clear the jam' "$tmp/out"; then
	t "no tree named: the record's own tree, found by its id" ok
else
	t "no tree named: the record's own tree, found by its id" no
fi

printf 'q\n' | "$KEYWIZ" --plain --lang en --resume "$tmp/rec.json" \
    m365-product-key >"$tmp/out" 2>&1
st=$?
if [ $st -eq 65 ] && grep -q "is for the tree 'printer-not-printing'" \
    "$tmp/out"; then
	t "a tree named: that one, and a clear refusal (65)" ok
else
	t "a tree named: that one, and a clear refusal (65)" no
fi

# an id that would be a path, or a file in the current folder: not taken
sed 's|"id": "printer-not-printing"|"id": "../../../etc/passwd"|' \
    "$tmp/rec.json" >"$tmp/path.json"
printf 'q\n' | "$KEYWIZ" --plain --lang en --resume "$tmp/path.json" \
    >"$tmp/out" 2>&1
st=$?
if [ $st -eq 65 ] && grep -q \
    "is for the tree '../../../etc/passwd', not 'm365-product-key'" \
    "$tmp/out"; then
	t "an id with slashes is never a path (the default tree, refused)" ok
else
	t "an id with slashes is never a path (the default tree, refused)" no
fi

sed 's|"id": "printer-not-printing"|"id": "decoy.yaml"|' \
    "$tmp/rec.json" >"$tmp/decoy.json"
printf 'keywiz: 1\n' >"$tmp/decoy.yaml"
(cd "$tmp" && printf 'q\n' | "$KEYWIZ" --plain --lang en --resume \
    decoy.json >"$tmp/out" 2>&1)
st=$?
if [ $st -eq 65 ] && grep -q \
    "is for the tree 'decoy.yaml', not 'm365-product-key'" "$tmp/out"; then
	t "an id naming a file here is not loaded" ok
else
	t "an id naming a file here is not loaded" no
fi
exit $fail
