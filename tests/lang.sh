#!/bin/sh
# SPDX-License-Identifier: MIT
# lang.sh - languages are the tree's, not the program's: any code a tree
# declares runs, the program's strings come from a catalogue when there is
# one (else English), LANGUAGE is honoured
. "${top_srcdir:-.}/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwlang.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
german="${top_srcdir:-.}/tests/fixtures/good/german.yaml"
echo "1..7"

# run INPUT ENV... -- ARGS...: the plain front end; output in $tmp/out;
# the locale only as each case sets it (CI exports LC_ALL)
run() {
	input=$1
	shift
	printf '%b' "$input" | env -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@" \
	    >"$tmp/out" 2>&1
	st=$?
}

# why the run was wrong (tap_why): empty when it was right
why() { tap_why "$1" "$2" "$tmp/out"; }

run 'q\n' LANG=C.UTF-8 "$KEYWIZ" --plain --lang de "$german"
t "--lang de runs a German tree" "$(why 1 '^Druckt er jetzt?')"
t "no German catalogue: the program's strings in English" \
    "$(why 1 '^\[y yes, n no, q quit, ? help\]> ')"
run 'q\n' LANG=de_DE.UTF-8 LANGUAGE= "$KEYWIZ" --plain "$german"
t "the language comes from LANG when it is not given" \
    "$(why 1 '^Druckt er jetzt?')"
run 'q\n' LANG=C.UTF-8 LANGUAGE=fr:en "$KEYWIZ" --plain
t "LANGUAGE is honoured: French tree text and French prompts" \
    "$(why 1 '^Étape 1 : ')"
run 'q\n' LANG=C.UTF-8 LANGUAGE=de "$KEYWIZ" --plain
t "a language the tree lacks, from the environment: English, no warning" \
    "$( (why 1 '^Step 1: ') || true; ! grep -q 'has no' "$tmp/out" ||
	echo 'a warning')"
run 'q\n' LANG=C.UTF-8 "$KEYWIZ" --plain --lang de
t "--lang names a language the tree lacks: a warning, its first language" \
    "$(why 1 "the tree has no 'de' text; using 'en'")"
run '' LANG=C.UTF-8 "$KEYWIZ" --plain --lang 'de_DE!'
t "an invalid language code is a usage error" \
    "$(why 64 "invalid language code 'de_DE!'")"
exit $tap_fail
