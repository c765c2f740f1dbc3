#!/bin/sh
# SPDX-License-Identifier: MIT
# privacy.sh - the full product key never reaches a file: typed at the key
# step, in notes (dashed, spaced in lower case, run together, full-width),
# pasted with the error message, and as free text, in a plain session whose
# answers are echoed to a file; nothing under $HOME nor in the record (JSON
# and Markdown) holds any of its first four groups
# shellcheck source=tests/tap.sh
. "${top_srcdir:-.}/tests/tap.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwpriv.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp/home
XDG_STATE_HOME=$HOME/.local/state
XDG_DATA_HOME=$HOME/.local/share
XDG_CONFIG_HOME=$HOME/.config
XDG_CACHE_HOME=$HOME/.cache
export HOME XDG_STATE_HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
mkdir -p "$HOME" || exit 1
echo "1..6"

KEY=BCDFG-HJKMP-QRTVW-XY234-6789B
MASKED=XXXXX-XXXXX-XXXXX-XXXXX-6789B
# any of the first four groups, any case, dashes or not
LEAK='bcdfg|hjkmp|qrtvw|xy234'

# the key, Enter, the error pasted with the key in it, a note typed at the
# key step of the next screen's free text, the question, notes at the
# outcome in every form, Enter to finish
answers() {
	printf '%s\n' "$KEY" "" \
	    "The product key you entered isn't valid. $KEY" \
	    "note the caller read bcdfg hjkmp qrtvw xy234 6789b twice" \
	    y \
	    "note key: BCDFGHJKMPQRTVWXY2346789B" \
	    "n" "$(printf '\357\274\242\357\274\243\357\274\244\357\274\246\357\274\247')-HJKMP-QRTVW-XY234-6789B" \
	    "note --$KEY--" \
	    ""
}

for rec in rec.json rec.md; do
	answers | "$KEYWIZ" --plain --lang en -o "$HOME/$rec" \
	    >"$HOME/out-$rec.txt" 2>&1
	st=$?
	t "$rec: the session reaches its outcome" \
	    "$([ $st -eq 0 ] || echo "exit $st: $(tail -n 5 "$HOME/out-$rec.txt")")"
	n=$(grep -c -- "$MASKED" "$HOME/$rec")
	t "$rec: the notes and the pasted message hold the key masked" \
	    "$([ "$n" -ge 5 ] || echo "$n masked keys: $(cat "$HOME/$rec")")"
done
leaks=$(grep -rliE "$LEAK" "$HOME" 2>&1)
t "nothing under \$HOME holds the key" "$leaks"
[ -n "$leaks" ] && grep -rniE "$LEAK" "$HOME" | head -n 10 | sed 's/^/# /'

# --resume: a record edited to hold the full key in a note and an
# answer's text keeps it no more once written back
sed "s/The customer also saw a second message./key $KEY/; s/we can't process your request right now/$KEY/" \
    "${top_srcdir:-.}/tests/fixtures/record/walk.json" >"$tmp/edited.json"
printf 'q\n' | "$KEYWIZ" --plain --lang en --resume "$tmp/edited.json" \
    "${top_srcdir:-.}/tests/fixtures/record/tree.yaml" >/dev/null 2>&1
t "a resumed record written back holds the key masked" \
    "$(grep -iE "$LEAK" "$tmp/edited.json")"
exit $tap_fail
