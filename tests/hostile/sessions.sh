#!/bin/sh
# SPDX-License-Identifier: MIT
# sessions.sh - scripted plain sessions through each of the nine errors of
# the bundled tree, to an outcome, with nothing on standard error (so a
# sanitizer or valgrind report fails the test). Prints TAP.
#
#   KEYWIZ_WRAPPER  run keywiz under this, e.g. "valgrind --error-exitcode=1"
#   KW_VARIANTS     which walks per error (default "y1 y2 n1 n2": answer y
#                   or n to questions, 1 or 2 at waits and choices)
keywiz=${KEYWIZ:-src/keywiz}
tree=${top_srcdir:-.}/wizard/m365-product-key.yaml
variants=${KW_VARIANTS:-y1 y2 n1 n2}
errors="invalid-key-consumer key-not-valid already-entered expired
already-used cant-process subscription-unavailable too-many-licenses
not-admin"

if [ ! -x "$keywiz" ]; then
	echo "1..0 # SKIP $keywiz not built"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kwsess.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

plan=0
for v in $variants; do plan=$((plan + 9)); done
echo "1..$plan"
n=0
fail=0
for v in $variants; do
	yn=${v%?}
	pick=${v#?}
	i=0
	for err in $errors; do
		i=$((i + 1))
		n=$((n + 1))
		# the key, Enter, the error's number; then, over and over, the
		# answer to a question, Enter (steps), Enter (the note prompt
		# "n" opens at an outcome) and a number (waits, choices); "still
		# failing" (2) is not taken before a wait is over, so 2 is
		# followed by 3, the skip (it failed for longer elsewhere); and
		# what a date, a number and an e-mail field take
		{
			printf 'BCDFG-HJKMN-PQRTV-WXY23-46789\n\n%s\n' "$i"
			for _ in 1 2 3 4 5 6 7 8 9 10; do
				printf '%s\n\n\n%s\n' "$yn" "$pick"
				[ "$pick" = 2 ] && printf '3\n'
				printf '2026-10-01\n350\nadmin@contoso.com\n'
			done
		} >"$tmp/in"
		rm -f "$tmp/rec.json"
		LC_ALL=C.UTF-8 ${KEYWIZ_WRAPPER:-} "$keywiz" --plain --lang=en \
		    -o "$tmp/rec.json" "$tree" <"$tmp/in" >"$tmp/out" \
		    2>"$tmp/err"
		rc=$?
		why=
		if [ "$rc" -ne 0 ]; then
			why="exit $rc"
		elif [ -s "$tmp/err" ]; then
			why="standard error: $(head -n 5 "$tmp/err" | tr '\n' ' ')"
		elif ! grep -q "\"option\": \"$err\"" "$tmp/rec.json"; then
			why="the record does not name error $err"
		elif ! grep -q '"status": "completed"' "$tmp/rec.json"; then
			why="the record is not completed"
		fi
		if [ -z "$why" ]; then
			echo "ok $n - error $i ($err), walk $v"
		else
			echo "not ok $n - error $i ($err), walk $v: $why"
			sed 's/^/# /' "$tmp/err" | head -n 40
			fail=1
		fi
	done
done
exit $fail
