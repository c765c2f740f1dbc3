#!/bin/sh
# SPDX-License-Identifier: MIT
# dot.sh - keywiz --dot renders with Graphviz (skipped when dot is missing)
if ! command -v dot >/dev/null 2>&1; then
	echo "1..0 # SKIP Graphviz (dot) is not installed"
	exit 0
fi
tmp=${TMPDIR:-/tmp}/kwdot.$$
trap 'rm -f "$tmp".*' EXIT
echo "1..2"
if "$KEYWIZ" --dot --lang en >"$tmp.gv" && dot -Tsvg "$tmp.gv" >"$tmp.svg" 2>"$tmp.err" &&
    [ ! -s "$tmp.err" ] && grep -q '<svg' "$tmp.svg"; then
	echo "ok 1 - the bundled tree renders (English)"
else
	echo "not ok 1 - the bundled tree renders (English)"; cat "$tmp.err"
fi
if "$KEYWIZ" --dot --lang fr >"$tmp.gv" && dot -Tsvg "$tmp.gv" >"$tmp.svg" 2>"$tmp.err" &&
    [ ! -s "$tmp.err" ] && grep -q 'Oui' "$tmp.svg"; then
	echo "ok 2 - the bundled tree renders (French)"
else
	echo "not ok 2 - the bundled tree renders (French)"; cat "$tmp.err"
fi
